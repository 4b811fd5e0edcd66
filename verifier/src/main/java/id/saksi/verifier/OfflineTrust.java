package id.saksi.verifier;

import id.saksi.core.ParseException;
import id.saksi.core.export.ExportReader;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.NoteKeyFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.verify.UnusableInputException;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import id.saksi.verifier.db.LogKeyChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
   */
  record Resolved(VerifyOptions options, LogKeyChain chain) {
    /** The report with the chain's account of the rotations added to its notes. */
    VerificationReport withNotes(VerificationReport r) {
      if (chain.notes().isEmpty()) {
        return r;
      }
      List<String> notes = new ArrayList<>(chain.notes());
      notes.addAll(r.notes());
      return new VerificationReport(
          r.logKey(),
          r.checkpoint(),
          r.scope(),
          r.counts(),
          r.since(),
          r.consistencyProof(),
          r.failures(),
          r.failureCount(),
          r.stoppedEarly(),
          notes);
    }
  }

  private OfflineTrust() {}

  /**
   * Resolves the keys for the bundle {@code reader}.
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
    VerifyOptions out =
        VerifyOptions.of(exportKey)
            .withOrigin(origin)
            .withThreads(options.threads())
            .withMaxFailures(options.maxFailures())
            .withWorkDir(options.workDir())
            .withStatesInMemory(options.statesInMemory());
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
    }
    return new Resolved(out, chain);
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
