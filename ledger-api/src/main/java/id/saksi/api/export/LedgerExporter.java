package id.saksi.api.export;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.read.PostgresHashReader;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.disclosure.DisclosureFormatException;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.export.DisclosureLine;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.ExportWriter;
import id.saksi.core.export.RangeProof;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.HashReader;
import id.saksi.core.merkle.ProofPlan;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.CheckpointFormatException;
import id.saksi.core.note.NoteFormatException;
import id.saksi.core.note.SignedNote;
import id.saksi.core.note.TlogProof;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Writes export bundles (docs/export.md) from the service's database with the core's {@link
 * ExportWriter}, against the latest stored signed checkpoint: the whole ledger, a range, or one
 * subject with the registry entries its signatures are checked against. Entries stream from a
 * database cursor into the ZIP, so a ledger of any length exports in constant memory; only the
 * indexes of a subject export's proved entries are held (as the writer does).
 *
 * <p>Use {@link #plan} first, while an error can still be answered (no checkpoint, a range beyond
 * it, a subject without entries), then {@link Plan#write} to stream.
 */
@Component
public class LedgerExporter {
  private final DataSource dataSource;
  private final CheckpointPublisher checkpoints;
  private final ServiceKeys keys;
  private final Clock clock;

  /** An exporter reading {@code dataSource}. */
  public LedgerExporter(DataSource dataSource, CheckpointPublisher checkpoints, ServiceKeys keys) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Clock.systemUTC();
  }

  /** An export decided and checked, not yet written. */
  public final class Plan {
    private final ExportScope scope;
    private final byte[] note;
    private final long size;
    private final boolean disclosures;
    // A one-subject export's own entries (empty otherwise), read once when planned: entries below
    // the checkpoint's size never change.
    private final List<Long> own;
    // The entries exported are those from bound on (the whole ledger: from 0, see select).
    private final long bound;

    private Plan(ExportScope scope, byte[] note, long size, boolean disclosures, List<Long> own) {
      this.scope = scope;
      this.note = note;
      this.size = size;
      this.disclosures = disclosures;
      this.own = List.copyOf(own);
      switch (scope.kind()) {
        case LEDGER:
          this.bound = size;
          break;
        case RANGE:
          this.bound = scope.start();
          break;
        default:
          this.bound = own.get(own.size() - 1);
          break;
      }
    }

    /** What the export covers. */
    public ExportScope scope() {
      return scope;
    }

    /** The tree size of the checkpoint it is proved against. */
    public long treeSize() {
      return size;
    }

    /** A file name for the bundle: saksi-export-&lt;scope&gt;-&lt;size&gt;.zip, ASCII. */
    public String fileName() {
      String what;
      switch (scope.kind()) {
        case LEDGER:
          what = "ledger";
          break;
        case RANGE:
          what = scope.start() + "-" + scope.end();
          break;
        default:
          what = scope.subject().replaceAll("[^A-Za-z0-9._-]", "_");
          break;
      }
      return "saksi-export-" + what + "-" + size + ".zip";
    }

    /** Streams the bundle to {@code out}, which stays open. */
    public void write(OutputStream out) throws IOException {
      try (Connection c = dataSource.getConnection()) {
        // A cursor (fetch size) needs a transaction in PostgreSQL; read only, nothing to commit.
        c.setAutoCommit(false);
        c.setReadOnly(true);
        try {
          writeBundle(c, this, new NonClosing(out));
        } finally {
          c.rollback();
          c.setReadOnly(false);
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new IOException("reading the ledger failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Decides an export of {@code scope} against the latest checkpoint.
   *
   * @throws ProblemException if no checkpoint is signed yet (503), the range is not within it
   *     (400), or the subject has no entry in it (404)
   */
  public Plan plan(ExportScope scope, boolean disclosures) {
    byte[] note =
        checkpoints
            .latest()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NO_CHECKPOINT,
                        "no checkpoint has been signed yet, so there is nothing to prove an"
                            + " export against; retry in a second"));
    long size;
    try {
      size = Checkpoint.parse(SignedNote.parse(note).text()).size();
    } catch (NoteFormatException | CheckpointFormatException e) {
      throw new IllegalStateException("the stored checkpoint does not parse", e);
    }
    if (scope.kind() == ExportScope.Kind.RANGE && scope.end() > size) {
      throw new ProblemException(
          ProblemType.EXPORT_RANGE_INVALID,
          "the range ends at "
              + scope.end()
              + " but the latest checkpoint signs "
              + size
              + " entries; ask for end <= "
              + size);
    }
    List<Long> own = List.of();
    if (scope.kind() == ExportScope.Kind.SUBJECT) {
      try {
        Subject.parse(scope.subject());
      } catch (RecordParseException e) {
        throw new ProblemException(
            ProblemType.EXPORT_SUBJECT_UNKNOWN, "not a subject: " + e.getMessage());
      }
      own = subjectEntries(scope.subject(), size);
      if (own.isEmpty()) {
        throw new ProblemException(
            ProblemType.EXPORT_SUBJECT_UNKNOWN,
            "the ledger signed by the latest checkpoint has no entry of " + scope.subject());
      }
    }
    return new Plan(scope, note, size, disclosures, own);
  }

  /**
   * The entries whose disclosures {@code plan} exports, each with its stored field names, in ledger
   * order: what an auditor's access must be recorded for before the bundle is written.
   */
  public Map<Long, List<String>> disclosedEntries(Plan plan) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            select(
                c,
                "SELECT d.entry_idx, d.field FROM personal_disclosure d"
                    + " JOIN ledger_entry e ON e.idx = d.entry_idx WHERE ",
                plan.scope,
                plan.bound,
                "e.idx, d.field");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the disclosures failed: " + e.getMessage(), e);
    }
    return out;
  }

  private List<Long> subjectEntries(String subject, long size) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT idx FROM ledger_entry WHERE subject = ? AND idx < ? ORDER BY idx")) {
      ps.setString(1, subject);
      ps.setLong(2, size);
      return indexes(ps);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the ledger failed: " + e.getMessage(), e);
    }
  }

  private static List<Long> indexes(PreparedStatement ps) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private void writeBundle(Connection c, Plan plan, OutputStream out)
      throws IOException, SQLException {
    ExportScope scope = plan.scope;
    // The stored tree read on this connection, in this export's transaction.
    HashReader tree =
        new PostgresHashReader(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
    long bound = plan.bound;
    try (ExportWriter w =
        new ExportWriter(out, scope, plan.note, keys.logVerifierKey(), clock.instant())) {
      // The proofs of a partial export come first, then the entries, then any disclosures.
      switch (scope.kind()) {
        case LEDGER:
          break;
        case RANGE:
          w.rangeProof(rangeProof(tree, scope.start(), scope.end(), plan.size));
          proveEach(w, tree, plan, registryBefore(c, scope.start()));
          break;
        default:
          List<Long> proved = new ArrayList<>(registryBefore(c, bound));
          proved.addAll(plan.own);
          proved.sort(null);
          proveEach(w, tree, plan, proved);
          break;
      }
      try (PreparedStatement ps =
          select(c, "SELECT e.idx, e.leaf FROM ledger_entry e WHERE ", scope, bound, "e.idx")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            w.leaf(rs.getLong(1), rs.getBytes(2));
          }
        }
      }
      if (plan.disclosures) {
        writeDisclosures(c, w, scope, bound);
      }
      w.finish();
    }
  }

  private static List<Long> registryBefore(Connection c, long end) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT idx FROM ledger_entry WHERE subject = 'registry' AND idx < ? ORDER BY idx")) {
      ps.setLong(1, end);
      return indexes(ps);
    }
  }

  private static void proveEach(ExportWriter w, HashReader tree, Plan plan, List<Long> indexes)
      throws IOException {
    for (long i : indexes) {
      w.inclusionProof(TlogProof.of(i, ProofPlan.inclusion(i, plan.size).execute(tree), plan.note));
    }
  }

  /** The subtrees left of {@code start}, and the consistency proof from {@code end} to the tree. */
  static RangeProof rangeProof(HashReader tree, long start, long end, long size) {
    List<Hash> left = start == 0 ? List.of() : tree.read(CompactRange.frontier(start));
    return new RangeProof(start, end, left, ProofPlan.consistency(end, size).execute(tree));
  }

  /**
   * The rows of the entries the export holds, {@code e} being {@code ledger_entry}: below {@code
   * bound} for the whole ledger; the registry below {@code bound} (the range's start, the subject's
   * last entry) and the range or the subject's entries up to it otherwise. Ascending by index.
   */
  private static PreparedStatement select(
      Connection c, String selectFrom, ExportScope scope, long bound, String orderBy)
      throws SQLException {
    String where;
    switch (scope.kind()) {
      case LEDGER:
        where = "e.idx < ?";
        break;
      case RANGE:
        where = "(e.subject = 'registry' AND e.idx < ?) OR (e.idx >= ? AND e.idx < ?)";
        break;
      default:
        where = "(e.subject = 'registry' AND e.idx < ?) OR (e.subject = ? AND e.idx <= ?)";
        break;
    }
    PreparedStatement ps = c.prepareStatement(selectFrom + where + " ORDER BY " + orderBy);
    ps.setFetchSize(1000);
    ps.setLong(1, bound);
    if (scope.kind() == ExportScope.Kind.RANGE) {
      ps.setLong(2, scope.start());
      ps.setLong(3, scope.end());
    } else if (scope.kind() == ExportScope.Kind.SUBJECT) {
      ps.setString(2, scope.subject());
      ps.setLong(3, bound);
    }
    return ps;
  }

  private static void writeDisclosures(Connection c, ExportWriter w, ExportScope scope, long bound)
      throws IOException, SQLException {
    String select =
        "SELECT d.entry_idx, d.disclosure FROM personal_disclosure d"
            + " JOIN ledger_entry e ON e.idx = d.entry_idx WHERE ";
    try (PreparedStatement ps = select(c, select, scope, bound, "e.idx, d.field")) {
      try (ResultSet rs = ps.executeQuery()) {
        long current = -1;
        List<Disclosure> pending = new ArrayList<>();
        while (rs.next()) {
          long idx = rs.getLong(1);
          if (idx != current && !pending.isEmpty()) {
            w.disclosures(new DisclosureLine(current, pending));
            pending = new ArrayList<>();
          }
          current = idx;
          try {
            pending.add(Disclosure.parse(rs.getString(2)));
          } catch (DisclosureFormatException e) {
            throw new IllegalStateException(
                "the stored disclosure of entry " + idx + " does not parse", e);
          }
        }
        if (!pending.isEmpty()) {
          w.disclosures(new DisclosureLine(current, pending));
        }
      }
    }
  }

  /** Keeps the writer's close from closing the response or the file the caller owns. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
