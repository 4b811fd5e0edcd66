package id.saksi.verifier;

import id.saksi.core.ParseException;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.ExportScope;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.NoteKeyFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.UnusableInputException;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import id.saksi.verifier.db.LogKeyChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log keys an export bundle is verified with across rotations of the log's key ({@code verify
 * --transition}, {@code check-receipts --export --transition}): which trusted key signs the
 * export's checkpoint and the one given with {@code --since}, as {@link LogKeyChain} decides from
 * the key given and the transition notes the operator published. The bundle's own {@code log.vkey}
 * is never trusted: it only names the new key a single transition note hands over to, and the note
 * must be signed by both.
 */
final class OfflineTrust {
  /**
   * The options to verify the export with, and the chain of keys behind them.
   *
   * @param options the log key that signs the export's checkpoint, and the --since checkpoint with
   *     the key that signs it
   * @param chain the trusted keys
   * @param transitionSince the size of the transition checkpoint used in place of --since (trust
   *     passed forwards and no --since was given), or -1
   * @param notes what the report must add about it
   */
  record Resolved(
      VerifyOptions options, LogKeyChain chain, long transitionSince, List<String> notes) {
    /** Copies the notes. */
    Resolved {
      notes = List.copyOf(notes);
    }

    /** The report with the chain's account of the rotations added to its notes. */
    VerificationReport withNotes(VerificationReport r) {
      List<Failure> failures = r.failures();
      List<String> added = new ArrayList<>(notes);
      if (transitionSince >= 0) {
        // ExportVerifier words the consistency check for a --since checkpoint the user gave; here
        // the checkpoint is the transition note's, and the report must not say otherwise.
        failures = new ArrayList<>();
        for (Failure f : r.failures()) {
          failures.add(
              new Failure(
                  f.index(),
                  f.check(),
                  f.message().replace(GIVEN_SINCE, "the transition checkpoint"),
                  f.expected(),
                  f.actual()));
        }
        boolean failed = failures.stream().anyMatch(f -> f.check() == Check.CONSISTENCY);
        String what =
            " the transition checkpoint of tree size "
                + transitionSince
                + ", signed by both keys (no --since was given; the Since line is the transition"
                + " checkpoint)";
        if (failed) {
          added.add(
              "the export's tree does NOT extend"
                  + what
                  + ": the new key's history is not the one the retired key signed");
        } else if (r.stoppedEarly()) {
          added.add("checking stopped before the export's tree was compared with" + what);
        } else if (r.since().isPresent()) {
          added.add("the export's tree extends" + what);
        }
      }
      if (chain.notes().isEmpty() && added.isEmpty()) {
        return r;
      }
      List<String> all = new ArrayList<>(chain.notes());
      all.addAll(added);
      all.addAll(r.notes());
      return new VerificationReport(
          r.logKey(),
          r.checkpoint(),
          r.scope(),
          r.counts(),
          r.since(),
          r.consistencyProof(),
          failures,
          r.failureCount(),
          r.stoppedEarly(),
          all);
    }
  }

  private static final String GIVEN_SINCE = "the checkpoint given with --since";

  private OfflineTrust() {}

  /**
   * Resolves the keys for the bundle {@code reader}. Without {@code since}, when trust passed
   * forwards to the key that signs the export's checkpoint, the transition checkpoint of the latest
   * rotation into that key is the since checkpoint, wherever the export can rebuild its tree.
   *
   * @param since the --since checkpoint, or null
   * @param transition the --transition note or folder
   * @throws UnusableInputException if a published rotation does not check out, or the --since
   *     checkpoint is signed by no key trusted at its size
   */
  static Resolved resolve(ExportReader reader, VerifyOptions options, byte[] since, Path transition)
      throws IOException, ParseException {
    LogKeyChain chain = chain(transition, options, reader.logKeyText());
    String origin = options.origin();
    NoteVerifierKey exportKey;
    try {
      exportKey = chain.signerOf(reader.signedCheckpoint(), origin);
    } catch (ParseException | LogKeyChain.UntrustedCheckpointException e) {
      // The verification reports it, as a checkpoint that is not the log's.
      exportKey = options.logKey();
    }
    VerifyOptions out = options.withLogKey(exportKey);
    if (since != null) {
      NoteVerifierKey sinceKey;
      try {
        sinceKey = chain.signerOf(since, origin);
      } catch (LogKeyChain.UntrustedCheckpointException e) {
        throw new UnusableInputException(
            "the checkpoint given with --since is not the log's: "
                + e.getMessage()
                + (chain.keys().size() == 1 && !Files.isDirectory(transition)
                    ? "; a transition note alone names no retired key: give the folder the"
                        + " operator published (log-transition-N.note and log.vkey.before-N)"
                    : ""),
            e);
      }
      out = sinceKey.equals(exportKey) ? out.withSince(since) : out.withSince(since, sinceKey);
      return new Resolved(out, chain, -1, List.of());
    }
    // Trust passed forwards to the export's key: that key's history must extend what the key
    // given signed, which the transition checkpoint (signed by both) fixes at its size. Without
    // this, the new key's holder could present a tree that forks from it.
    Optional<LogKeyChain.Rotation> into =
        exportKey.equals(options.logKey())
            ? Optional.empty()
            : chain.forwardRotationInto(exportKey);
    if (into.isEmpty()) {
      return new Resolved(out, chain, -1, List.of());
    }
    long n = into.get().size();
    ExportScope scope = reader.manifest().scope();
    boolean computable =
        scope.kind() == ExportScope.Kind.LEDGER
            || (scope.kind() == ExportScope.Kind.RANGE && n >= scope.start() && n <= scope.end());
    if (!computable) {
      return new Resolved(
          out,
          chain,
          -1,
          List.of(
              "that the export's tree extends the transition checkpoint of tree size "
                  + n
                  + " was not checked: an export of "
                  + scope.describe()
                  + " does not hold the entries to rebuild that tree; a whole-ledger export"
                  + " checks it"));
    }
    return new Resolved(out.withSince(into.get().note(), exportKey), chain, n, List.of());
  }

  /**
   * The chain from the key given through the rotations published at {@code transition}: a folder as
   * {@code rotate-log-key} writes it, or a single transition note, which hands over from the key
   * given to the key the bundle names (and is checked to be signed by both).
   */
  static LogKeyChain chain(Path transition, VerifyOptions options, String bundleKeyText)
      throws IOException, UnusableInputException {
    NoteVerifierKey given = options.logKey();
    PublishedRotations.Published published = PublishedRotations.read(transition, given);
    List<LogKeyChain.Rotation> rotations = new ArrayList<>(published.rotations());
    NoteVerifierKey bundleKey = parse(bundleKeyText);
    if (rotations.isEmpty() && bundleKey != null && !bundleKey.equals(given)) {
      for (byte[] note : published.notes()) {
        long size;
        try {
          size = Checkpoint.parse(SignedNote.parse(note).text()).size();
        } catch (ParseException e) {
          throw new UnusableInputException(
              "the transition note "
                  + transition
                  + " is not a signed checkpoint: "
                  + e.getMessage(),
              e);
        }
        rotations.add(new LogKeyChain.Rotation(size, given.encode(), bundleKey.encode(), note));
      }
    }
    List<String> problems = new ArrayList<>();
    LogKeyChain chain =
        LogKeyChain.build(
            given, options.origin(), rotations, published.notes(), f -> problems.add(f.message()));
    if (!problems.isEmpty()) {
      throw new UnusableInputException(
          "the log key rotations in " + transition + ": " + problems.get(0));
    }
    return chain;
  }

  private static NoteVerifierKey parse(String text) {
    try {
      return NoteVerifierKey.parse(text.strip());
    } catch (NoteKeyFormatException e) {
      return null;
    }
  }
}
