package id.saksi.core.verify;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.domain.ledger.StateStore;
import id.saksi.core.export.ExportFormatException;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.LineReader;
import id.saksi.core.export.Manifest;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.UnverifiedNoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an export bundle offline, trusting only the log's key (docs/export.md, "Verifying a
 * bundle"): the shape of Tessera's fsck, a library that re-derives what the log signed from the
 * data, with the command line as a thin layer on top.
 *
 * <p>It checks that the checkpoint is the log's; that every line of {@code entries.jsonl} is the
 * canonical JSON of an entry and its own leaf; that indexes are dense (or ascending, for entries
 * with their own inclusion proofs) and every {@code prev} links; that every signature verifies and
 * its key is valid for its agency at the entry's own position; that replaying the domain finds only
 * legal steps; that the Merkle root of the entries is the checkpoint's, or that the range proof and
 * inclusion proofs place them in its tree; that disclosures match their digests; that the manifest
 * describes the bundle; and, given an older checkpoint, that the new one extends it.
 *
 * <p>It streams: one thread reads and inflates the entries, a pool parses them and verifies their
 * signatures in batches, and the calling thread runs the checks that need ledger order. Memory is
 * bounded by the batches in flight plus the domain's replay state.
 */
public final class ExportVerifier {
  private ExportVerifier() {}

  /**
   * Verifies the bundle at {@code path}.
   *
   * @return what was checked and every failure found (up to {@link VerifyOptions#maxFailures()});
   *     an empty failure list is the only valid verdict
   * @throws IOException if the file cannot be read
   * @throws ParseException if the bundle is not a usable export (an {@link ExportFormatException}
   *     says which defence refused it) or the {@code since} checkpoint cannot be used ({@link
   *     UnusableInputException}): nothing was concluded
   */
  public static VerificationReport verify(Path path, VerifyOptions options)
      throws IOException, ParseException, InterruptedException {
    try (ExportReader reader = ExportReader.open(path)) {
      return verify(reader, options, EntryObserver.NONE);
    }
  }

  /**
   * Verifies an open bundle, showing each entry found at its position to {@code observer}.
   *
   * @see #verify(Path, VerifyOptions)
   */
  public static VerificationReport verify(
      ExportReader reader, VerifyOptions options, EntryObserver observer)
      throws IOException, ParseException, InterruptedException {
    return verify(reader, options, observer, new KeyDirectory());
  }

  /** As above, with the signature threads' key directory given: for tests. */
  static VerificationReport verify(
      ExportReader reader, VerifyOptions options, EntryObserver observer, KeyDirectory keys)
      throws IOException, ParseException, InterruptedException {
    return verify(reader, reader.signedCheckpoint(), null, options, observer, keys);
  }

  /**
   * Verifies a whole ledger that is not in a bundle, such as one read from the service's database:
   * {@code entries} yields each entry's leaf bytes in ascending index order (each line exactly the
   * leaf bytes, as in {@code entries.jsonl}), and {@code signedCheckpoint} is the checkpoint they
   * must make up. Every check of a whole-ledger export runs, except the manifest's; with {@link
   * VerifyOptions#withSince} also the consistency with an older checkpoint.
   *
   * @param entries the entries; read to the end and closed
   * @return what was checked and every failure found
   * @throws IOException if reading the entries failed
   * @throws ParseException if the {@code since} checkpoint cannot be used
   */
  public static VerificationReport verifyLedger(
      byte[] signedCheckpoint, LineReader entries, VerifyOptions options, EntryObserver observer)
      throws IOException, ParseException, InterruptedException {
    return verify(null, signedCheckpoint.clone(), entries, options, observer, new KeyDirectory());
  }

  /** A bundle ({@code reader}), or a whole ledger's {@code streamed} lines when it is null. */
  private static VerificationReport verify(
      ExportReader reader,
      byte[] signedCheckpoint,
      LineReader streamed,
      VerifyOptions options,
      EntryObserver observer,
      KeyDirectory keys)
      throws IOException, ParseException, InterruptedException {
    Manifest manifest = reader == null ? null : reader.manifest();
    ExportScope scope = reader == null ? ExportScope.ledger() : manifest.scope();
    Failures failures = new Failures(options.maxFailures());
    List<String> notes = new ArrayList<>();

    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoints.open(signedCheckpoint, options.logKey(), options.origin());
    } catch (ParseException | VerificationException e) {
      // Without the log's checkpoint nothing in the bundle is anchored: stop here.
      List<Failure> one =
          List.of(
              Failure.global(
                  Check.CHECKPOINT, "the bundle's checkpoint is not the log's: " + e.getMessage()));
      return new VerificationReport(
          options.logKey(),
          Optional.empty(),
          scope,
          new VerificationReport.Counts(0, 0, 0, 0, 0, 0),
          Optional.empty(),
          List.of(),
          one,
          1,
          true,
          notes);
    }
    Checkpoint since = openSince(options, checkpoint, scope);
    if (reader != null && !reader.logKeyText().equals(options.logKey().encode())) {
      notes.add(
          "log.vkey in the bundle is not the key given on the command line; it was ignored, as it"
              + " always is");
    }
    if (reader != null) {
      checkStructure(reader, scope, checkpoint);
    }

    Sequencer seq = null;
    boolean stopped = false;
    List<Hash> consistency = List.of();
    try {
      if (manifest != null) {
        checkManifestFacts(manifest, checkpoint, failures);
      }
      if (since != null && since.size() > checkpoint.size()) {
        failures.add(
            Failure.global(
                Check.CONSISTENCY,
                "the export's checkpoint (tree size "
                    + checkpoint.size()
                    + ") is older than the one given with --since (tree size "
                    + since.size()
                    + "): the ledger was rolled back",
                "tree size " + since.size() + " or more",
                "tree size " + checkpoint.size()));
      }
      seq =
          new Sequencer(
              reader,
              scope,
              checkpoint,
              signedCheckpoint,
              keys,
              observer,
              failures,
              since,
              StateStore.spilling(options.workDir(), options.statesInMemory()));
      try (LineReader lines = reader == null ? streamed : reader.entries()) {
        if (options.threads() == 1) {
          // One thread: no pipeline, which costs more than it saves on a small export.
          LineReader.Line line;
          while ((line = lines.next()) != null) {
            seq.accept(ParsedEntry.parse(line, keys));
          }
        } else {
          try (Pipeline<ParsedEntry> pipeline =
              new Pipeline<>(lines, options.threads(), l -> ParsedEntry.parse(l, keys))) {
            ParsedEntry p;
            while ((p = pipeline.next()) != null) {
              seq.accept(p);
            }
          }
        }
      }
      consistency = seq.finish();
      if (manifest != null) {
        checkManifestCounts(manifest, seq, reader, failures);
      }
    } catch (Sequencer.Stop stop) {
      stopped = true;
    } catch (UncheckedIOException e) {
      // The domain replay's temporary file failed (the work folder full, for one).
      throw e.getCause();
    } finally {
      if (seq != null) {
        seq.close();
      }
    }
    if (seq != null) {
      notes.addAll(seq.notes);
      if (seq.afterBroken() > 0) {
        notes.add(
            "records not judged because an earlier record of their subject was not a legal step"
                + " (the replayed state is then not the ledger's): "
                + seq.afterBroken());
      }
      if (seq.notJudged() > 0) {
        notes.add(
            "subjects whose history began before the range, so that the domain's rules could"
                + " not judge their records: "
                + seq.notJudged());
      }
    }
    VerificationReport.Counts counts =
        seq == null
            ? new VerificationReport.Counts(0, 0, 0, 0, 0, 0)
            : new VerificationReport.Counts(
                seq.entries,
                seq.signatures,
                seq.records,
                seq.proofs,
                seq.disclosures,
                seq.notJudged());
    return new VerificationReport(
        options.logKey(),
        Optional.of(checkpoint),
        scope,
        counts,
        Optional.ofNullable(since),
        consistency,
        failures.list(),
        failures.count(),
        stopped,
        notes);
  }

  private static Checkpoint openSince(
      VerifyOptions options, Checkpoint checkpoint, ExportScope scope)
      throws UnusableInputException {
    Optional<byte[]> bytes = options.since();
    if (bytes.isEmpty()) {
      return null;
    }
    Checkpoint since;
    try {
      since = Checkpoints.open(bytes.get(), options.sinceKey(), options.origin());
    } catch (UnverifiedNoteException e) {
      // Signed by another key: most often a key the log has since retired (or a later one),
      // which only the operator's published transition note signed by both can vouch for.
      throw new UnusableInputException(
          "the checkpoint given with --since is not a checkpoint of this log: it is signed by"
              + " another key ("
              + String.join(", ", e.signedBy())
              + ") than the log key "
              + options.sinceKey().keyRef()
              + ": if the log's key was rotated in between, give the transition note the"
              + " operator published, signed by both keys, with --transition",
          e);
    } catch (ParseException | VerificationException e) {
      throw new UnusableInputException(
          "the checkpoint given with --since is not a checkpoint of this log: " + e.getMessage(),
          e);
    }
    long m = since.size();
    if (m >= checkpoint.size()) {
      return since;
    }
    boolean computable;
    switch (scope.kind()) {
      case LEDGER:
        computable = true;
        break;
      case RANGE:
        computable = m >= scope.start() && m <= scope.end();
        break;
      default:
        computable = false;
        break;
    }
    if (!computable) {
      throw new UnusableInputException(
          "an export of "
              + scope.describe()
              + " does not hold the entries to rebuild the tree of size "
              + m
              + " (the size of the checkpoint given with --since); verify a whole-ledger export");
    }
    return since;
  }

  /** The members a scope needs and forbids, before anything is streamed. */
  private static void checkStructure(ExportReader reader, ExportScope scope, Checkpoint checkpoint)
      throws ExportFormatException {
    boolean hasRange = reader.rangeProof().isPresent();
    switch (scope.kind()) {
      case LEDGER:
        if (hasRange || !reader.proofIndexes().isEmpty()) {
          throw new ExportFormatException(
              "a whole-ledger export has no range-proof and no proofs/: the root is rebuilt from"
                  + " the entries");
        }
        break;
      case RANGE:
        if (!hasRange) {
          throw new ExportFormatException("a range export needs its range-proof member");
        }
        if (reader.rangeProof().get().start() != scope.start()
            || reader.rangeProof().get().end() != scope.end()) {
          throw new ExportFormatException(
              "range-proof is for entries "
                  + reader.rangeProof().get().start()
                  + " to "
                  + (reader.rangeProof().get().end() - 1)
                  + " but the manifest's scope is "
                  + scope.describe());
        }
        if (scope.end() > checkpoint.size()) {
          throw new ExportFormatException(
              "the range "
                  + scope.describe()
                  + " goes beyond the checkpoint's tree of "
                  + checkpoint.size()
                  + " entries");
        }
        break;
      default:
        if (hasRange) {
          throw new ExportFormatException("a subject export has no range-proof member");
        }
        break;
    }
  }

  private static void checkManifestFacts(Manifest m, Checkpoint cp, Failures failures)
      throws Sequencer.Stop {
    if (!m.origin().equals(cp.origin())) {
      failures.add(
          Failure.global(
              Check.MANIFEST, "the manifest names another origin", cp.origin(), m.origin()));
    }
    if (m.treeSize() != cp.size()) {
      failures.add(
          Failure.global(
              Check.MANIFEST, "the manifest gives another tree size", cp.size(), m.treeSize()));
    }
    if (!m.rootHash().equals(cp.rootHash())) {
      failures.add(
          Failure.global(
              Check.MANIFEST,
              "the manifest gives another root hash",
              cp.rootHash().base64(),
              m.rootHash().base64()));
    }
  }

  private static void checkManifestCounts(
      Manifest m, Sequencer seq, ExportReader reader, Failures failures)
      throws Sequencer.Stop, IOException, ExportFormatException {
    if (m.entries() != seq.entries) {
      failures.add(
          Failure.global(
              Check.MANIFEST,
              "the manifest counts another number of entries",
              seq.entries,
              m.entries()));
    }
    if (m.proofs() != reader.proofIndexes().size()) {
      failures.add(
          Failure.global(
              Check.MANIFEST,
              "the manifest counts another number of inclusion proofs",
              reader.proofIndexes().size(),
              m.proofs()));
    }
    List<Manifest.Member> actual = reader.actualMembers();
    if (!actual.equals(m.members())) {
      failures.add(
          Failure.global(
              Check.MANIFEST,
              "the bundle's members are not the ones the manifest lists: "
                  + firstDifference(m.members(), actual),
              describe(m.members()),
              describe(actual)));
    }
  }

  private static String firstDifference(List<Manifest.Member> listed, List<Manifest.Member> real) {
    for (int i = 0; i < Math.max(listed.size(), real.size()); i++) {
      Manifest.Member a = i < listed.size() ? listed.get(i) : null;
      Manifest.Member b = i < real.size() ? real.get(i) : null;
      if (a == null) {
        return b.name() + " is not listed";
      }
      if (b == null) {
        return a.name() + " is listed but absent";
      }
      if (!a.name().equals(b.name())) {
        return "member " + (i + 1) + " is " + b.name() + ", listed as " + a.name();
      }
      if (a.bytes() != b.bytes() || !a.sha256().equals(b.sha256())) {
        return b.name() + " has changed since the export was made";
      }
    }
    return "none";
  }

  private static String describe(List<Manifest.Member> members) {
    StringBuilder sb = new StringBuilder();
    for (Manifest.Member m : members) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      if (sb.length() > 400) {
        sb.append("...");
        break;
      }
      sb.append(m.name())
          .append(' ')
          .append(m.bytes())
          .append(" bytes sha256 ")
          .append(m.sha256().hex(), 0, 16);
    }
    return sb.toString();
  }
}
