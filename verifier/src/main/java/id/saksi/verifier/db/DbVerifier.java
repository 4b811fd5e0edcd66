package id.saksi.verifier.db;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.LineReader;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.CheckpointFormatException;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.UnusableInputException;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a live ledger in the service's PostgreSQL, trusting only the log key, as {@code verify}
 * does an export (docs/export.md, "verify-db"): the leaves of {@code ledger_entry} in index order
 * against the latest stored signed checkpoint, with every check of a whole-ledger export; every
 * older stored checkpoint against the entries; no entry beyond the ledger's head; and the
 * cross-check of Axon's event store with the ledger ({@link EventCrossCheck}).
 *
 * <p>Reads stream from cursors on their own connections, so a ledger of any length is verified in
 * bounded memory (the domain replay's state apart). The service may keep appending meanwhile:
 * entries after the latest checkpoint are not checked (nothing signs them yet) and are counted in a
 * note. Reads only; the database's own code (constraints, triggers) is not relied on, since whoever
 * can change rows can change it too.
 */
public final class DbVerifier {
  /** Opens a new connection to the ledger's database. */
  @FunctionalInterface
  public interface Connector {
    /** A new connection, which the caller closes. */
    Connection open() throws SQLException;
  }

  private DbVerifier() {}

  /**
   * Verifies the ledger in the database {@code db} opens.
   *
   * @return the report: an empty failure list is the only valid verdict
   * @throws UnusableInputException if the database holds no signed checkpoint, or the {@code since}
   *     checkpoint cannot be used
   * @throws SQLException if the database cannot be read (not a Saksi ledger, no access)
   */
  public static VerificationReport verify(Connector db, VerifyOptions options)
      throws SQLException, IOException, ParseException, InterruptedException {
    return verify(db, options, List.of());
  }

  /**
   * Verifies the ledger in the database {@code db} opens, across the rotations of the log's key
   * ({@link LogKeyChain}): checkpoints signed by a key the given one retired are trusted through
   * the transition checkpoint signed by both; {@code transitions} are transition notes the user
   * holds (as the operator published them), which carry trust from a retired key given with {@code
   * --log-key} to the keys after it.
   *
   * @return the report: an empty failure list is the only valid verdict
   * @throws UnusableInputException if the database holds no signed checkpoint, or the {@code since}
   *     checkpoint cannot be used
   * @throws SQLException if the database cannot be read (not a Saksi ledger, no access)
   */
  public static VerificationReport verify(
      Connector db, VerifyOptions options, List<byte[]> transitions)
      throws SQLException, IOException, ParseException, InterruptedException {
    byte[] latest;
    long headSize;
    List<LogKeyChain.Rotation> rotations;
    try (Connection c = db.open()) {
      latest = latestCheckpoint(c);
      headSize = headSize(c);
      rotations = rotations(c);
    }
    long size = sizeOf(latest);
    Findings findings = new Findings(options.maxFailures());
    List<String> notes = new ArrayList<>();
    LogKeyChain chain =
        LogKeyChain.build(
            options.logKey(), options.origin(), rotations, transitions, findings::add);
    notes.addAll(chain.notes());

    // The key that signs the latest checkpoint: the export verification opens it with that one.
    NoteVerifierKey latestKey;
    try {
      latestKey = chain.signerAt(latest, size, options.origin());
    } catch (LogKeyChain.UntrustedCheckpointException e) {
      findings.add(
          Failure.global(
              Check.CHECKPOINT,
              "the latest stored checkpoint (tree size "
                  + size
                  + ") is not the log's: "
                  + e.getMessage()));
      return merge(unanchored(options), findings, notes, options.maxFailures(), chain);
    } catch (ParseException e) {
      // Malformed: the export verification reports it as it does for an export.
      latestKey = options.logKey();
    }
    VerifyOptions used = options.withLogKey(latestKey);
    List<CheckpointWalk.Expected> extra = new ArrayList<>();
    if (options.since().isPresent()) {
      byte[] since = options.since().get();
      Checkpoint old = openSince(chain, since, options.origin());
      if (opens(since, latestKey, options.origin())) {
        used = used.withSince(since);
      } else if (old.size() > size) {
        findings.add(
            Failure.global(
                Check.CONSISTENCY,
                "the latest stored checkpoint (tree size "
                    + size
                    + ") is older than the one given with --since (tree size "
                    + old.size()
                    + "): the ledger was rolled back",
                "tree size " + old.size() + " or more",
                "tree size " + size));
      } else {
        // Signed by a retired key: the consistency proof is the root of the ledger's first
        // entries, which the walk recomputes.
        extra.add(new CheckpointWalk.Expected(old, "the checkpoint given with --since"));
        notes.add(
            "the checkpoint given with --since (tree size "
                + old.size()
                + ") is signed by a retired log key: the ledger's first "
                + old.size()
                + " entries were checked to give its root");
      }
    }
    for (Checkpoint t : chain.transitions()) {
      if (t.size() > size) {
        findings.add(
            Failure.global(
                Check.CHECKPOINT,
                "the transition checkpoint of the log key rotation at tree size "
                    + t.size()
                    + " is beyond the latest stored checkpoint (tree size "
                    + size
                    + "): stored checkpoints were deleted, or the ledger rolled back",
                "tree size " + t.size() + " or more",
                "tree size " + size));
      } else {
        extra.add(new CheckpointWalk.Expected(t, "the transition checkpoint"));
      }
    }
    extra.sort(Comparator.comparingLong(e -> e.checkpoint().size()));

    VerificationReport ledger;
    long compared;
    try (Connection c = db.open();
        CheckpointWalk walk = new CheckpointWalk(db.open(), size, used, chain, extra, findings)) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT leaf FROM ledger_entry WHERE idx < ? ORDER BY idx")) {
        ps.setFetchSize(1024);
        ps.setLong(1, size);
        try (ResultSet rs = ps.executeQuery()) {
          ledger =
              ExportVerifier.verifyLedger(
                  latest, LineReader.ofEntries("ledger_entry", new LeafStream(rs)), used, walk);
        }
      } finally {
        c.rollback();
      }
      compared = walk.compared();
      if (walk.incomplete() && ledger.failures().isEmpty()) {
        notes.add("stored checkpoints were left uncompared after the first failure");
      }
    }
    if (ledger.checkpoint().isEmpty()
        || ledger.failures().stream().anyMatch(f -> f.check() == Check.CHECKPOINT)) {
      // The latest checkpoint is not the log's: nothing is anchored, as for an export.
      return merge(ledger, findings, notes, options.maxFailures(), chain);
    }
    try (Connection c = db.open()) {
      latestRow(c, size, used, chain, findings);
      long pending = beyond(c, size, headSize, findings);
      if (pending > 0) {
        notes.add(
            pending
                + " entries recorded after the latest checkpoint (tree size "
                + size
                + ") were not checked: no checkpoint signs them yet");
      }
    }
    long events;
    try (Connection c = db.open()) {
      events = EventCrossCheck.run(c, size, findings);
    }
    notes.add("older stored checkpoints whose roots were compared with the entries: " + compared);
    notes.add("entries cross-checked with their events in the event store: " + events);
    return merge(ledger, findings, notes, options.maxFailures(), chain);
  }

  private static boolean opens(byte[] note, NoteVerifierKey key, String origin) {
    try {
      Checkpoints.open(note, key, origin);
      return true;
    } catch (ParseException | VerificationException e) {
      return false;
    }
  }

  private static Checkpoint openSince(LogKeyChain chain, byte[] since, String origin)
      throws UnusableInputException {
    try {
      long claimed = Checkpoint.parse(SignedNote.parse(since).text()).size();
      return chain.open(since, claimed, origin);
    } catch (ParseException | VerificationException e) {
      throw new UnusableInputException(
          "the checkpoint given with --since is not a checkpoint of this log: " + e.getMessage(),
          e);
    }
  }

  /** The rotations of the log's key the ledger records (none in a ledger older than V7). */
  private static List<LogKeyChain.Rotation> rotations(Connection c) throws SQLException {
    List<LogKeyChain.Rotation> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('log_key_rotation')");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next() || rs.getString(1) == null) {
        return out;
      }
    }
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT size, old_vkey, new_vkey, note FROM log_key_rotation ORDER BY size");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byte[] note = rs.getBytes(4);
        out.add(
            new LogKeyChain.Rotation(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                note == null ? new byte[0] : note));
      }
    }
    return out;
  }

  /** A report of nothing checked, for a latest checkpoint no trusted key signs. */
  private static VerificationReport unanchored(VerifyOptions options) {
    return new VerificationReport(
        options.logKey(),
        Optional.empty(),
        ExportScope.ledger(),
        new VerificationReport.Counts(0, 0, 0, 0, 0, 0),
        Optional.empty(),
        List.of(),
        List.of(),
        0,
        true,
        List.of());
  }

  private static byte[] latestCheckpoint(Connection c) throws SQLException, UnusableInputException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT note FROM checkpoint ORDER BY size DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new UnusableInputException(
            "the database holds no signed checkpoint (table checkpoint is empty): there is"
                + " nothing to verify against yet");
      }
      return rs.getBytes(1);
    }
  }

  private static long headSize(Connection c) throws SQLException, UnusableInputException {
    try (PreparedStatement ps = c.prepareStatement("SELECT size FROM ledger_head WHERE id = 0");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new UnusableInputException("the database has no ledger head (table ledger_head)");
      }
      return rs.getLong(1);
    }
  }

  /** The tree size the note claims; its signature is checked by the verification. */
  private static long sizeOf(byte[] note) {
    try {
      return Checkpoint.parse(SignedNote.parse(note).text()).size();
    } catch (NoteFormatException | CheckpointFormatException e) {
      // The verification reports the checkpoint as not the log's and stops.
      return 0;
    }
  }

  /** The latest checkpoint's row: its columns are what its note signs. */
  private static void latestRow(
      Connection c, long size, VerifyOptions options, LogKeyChain chain, Findings findings)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT size, root_hash, note FROM checkpoint WHERE size >= ?")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CheckpointWalk.checkRow(
              rs.getLong(1), rs.getBytes(2), rs.getBytes(3), options, chain, findings);
        }
      }
    }
  }

  /**
   * The entries at or after the checkpoint's size: dense up to the head's size (appended since, not
   * yet signed), and none beyond the head, which no append wrote.
   *
   * @return how many there are below the head
   */
  private static long beyond(Connection c, long size, long headSize, Findings findings)
      throws SQLException {
    long pending = 0;
    long expected = size;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT idx FROM ledger_entry WHERE idx >= ? ORDER BY idx")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && !findings.full()) {
          long idx = rs.getLong(1);
          if (idx >= headSize && idx >= size) {
            findings.add(
                Failure.at(
                    idx,
                    Check.ORDER,
                    "is in ledger_entry beyond the ledger's head (size "
                        + headSize
                        + ") and beyond every checkpoint: no append wrote it (a row inserted in"
                        + " SQL)",
                    "fewer than " + headSize,
                    idx));
          } else if (idx != expected) {
            findings.add(
                Failure.at(
                    expected,
                    Check.ORDER,
                    "is missing from ledger_entry after the latest checkpoint",
                    expected,
                    idx));
            pending++;
          } else {
            pending++;
          }
          expected = idx + 1;
        }
      }
    }
    return pending;
  }

  /** The export verification's report with the database's own findings, ordered by index. */
  private static VerificationReport merge(
      VerificationReport ledger,
      Findings findings,
      List<String> notes,
      int max,
      LogKeyChain chain) {
    List<Failure> all = new ArrayList<>(ledger.failures());
    all.addAll(findings.list());
    all.sort(
        Comparator.comparingLong(
            (Failure f) -> f.index().isPresent() ? f.index().getAsLong() : Long.MAX_VALUE));
    boolean cut = all.size() > max;
    List<Failure> kept = cut ? all.subList(0, max) : all;
    List<String> allNotes = new ArrayList<>(ledger.notes());
    allNotes.addAll(notes);
    // The key reported is the one the user gave: the only one trusted; the notes say which
    // retired or later keys it vouched for.
    return new VerificationReport(
        chain.given(),
        ledger.checkpoint(),
        ledger.scope(),
        ledger.counts(),
        ledger.since(),
        ledger.consistencyProof(),
        kept,
        ledger.failureCount() + findings.count(),
        ledger.stoppedEarly() || cut || findings.count() > findings.list().size(),
        allNotes);
  }
}
