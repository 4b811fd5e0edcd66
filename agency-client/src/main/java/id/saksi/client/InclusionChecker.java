package id.saksi.client;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.TlogProof;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.verify.ReceiptFiles;
import java.io.IOException;
import java.util.Optional;

/**
 * Holds the log to its receipts: fetches the latest checkpoint, checks that the log signed it, and
 * for each receipt fetches an inclusion proof (a C2SP tlog-proof against that checkpoint's size)
 * and proves that the receipt's leaf hash is the leaf at its index of the tree the checkpoint
 * commits to. Trusts nothing the service says without the log key's signature.
 */
public final class InclusionChecker {
  /** The verdict on one receipt. */
  public enum Status {
    /** The receipt's leaf is in the log at its index, under the latest checkpoint. */
    OK,
    /** The receipt is newer than the latest checkpoint: check again in a few seconds. */
    PENDING,
    /** The receipt, the checkpoint or the proof does not hold; the message says why. */
    FAILED
  }

  /**
   * One receipt's result.
   *
   * @param source where the receipt came from (file and its number in the file)
   * @param receipt the opened receipt, if it opened
   * @param status the verdict
   * @param message what was proved, or why not
   */
  public record Result(String source, Optional<Receipt> receipt, Status status, String message) {}

  /** The service or its checkpoint cannot be used: nothing can be proved against it. */
  public static final class CheckpointException extends VerificationException {
    private static final long serialVersionUID = 1L;

    CheckpointException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final LedgerHttp http;
  private final NoteVerifierKey logKey;
  private final String origin;

  /** A checker of receipts of the log {@code origin} signed by {@code logKey}. */
  public InclusionChecker(LedgerHttp http, NoteVerifierKey logKey, String origin) {
    this.http = http;
    this.logKey = logKey;
    this.origin = origin;
  }

  /**
   * The service's latest checkpoint, opened with the log's key.
   *
   * @throws CheckpointException if the service refuses or the log did not sign what it serves
   */
  public Checkpoint latestCheckpoint()
      throws IOException, InterruptedException, CheckpointException {
    LedgerHttp.Answer a = http.get("/checkpoint");
    if (a.status() != 200) {
      Problem p = Problem.of(a.status(), a.body(), a.retryAfter());
      throw new CheckpointException("GET /checkpoint was refused: " + p.describe(), null);
    }
    try {
      return Checkpoints.open(a.body(), logKey, origin);
    } catch (ParseException | VerificationException e) {
      throw new CheckpointException(
          "the service's checkpoint is not one the log signed: " + e.getMessage(), e);
    }
  }

  /** Checks one receipt note against {@code latest}. */
  public Result check(ReceiptFiles.Note note, Checkpoint latest)
      throws IOException, InterruptedException {
    Receipt r;
    try {
      r = Receipts.open(note.bytes(), logKey, origin);
    } catch (ParseException e) {
      return failed(note, null, "not a signed receipt: " + e.getMessage());
    } catch (VerificationException e) {
      return failed(note, null, "not signed by the log's key: " + e.getMessage());
    }
    if (r.index() >= latest.size()) {
      return new Result(
          note.source(),
          Optional.of(r),
          Status.PENDING,
          "entry "
              + r.index()
              + " is not yet in the latest checkpoint (size "
              + latest.size()
              + "); check again in a few seconds");
    }
    LedgerHttp.Answer a =
        http.get("/proof/inclusion?index=" + r.index() + "&size=" + latest.size());
    if (a.status() != 200) {
      Problem p = Problem.of(a.status(), a.body(), a.retryAfter());
      String why =
          a.status() == 404 && p.type().isEmpty()
              ? "the service has no GET /proof/inclusion (" + p.describe() + ")"
              : "the service refused the inclusion proof: " + p.describe();
      return failed(note, r, why);
    }
    TlogProof proof;
    try {
      proof = TlogProof.parse(a.body());
    } catch (ParseException e) {
      return failed(note, r, "the inclusion proof is not a tlog-proof: " + e.getMessage());
    }
    if (proof.index() != r.index()) {
      return failed(
          note, r, "the inclusion proof is for entry " + proof.index() + ", not " + r.index());
    }
    Checkpoint proved;
    try {
      proved = proof.verify(r.leafHash(), logKey, origin);
    } catch (ParseException e) {
      return failed(note, r, "the inclusion proof's checkpoint is malformed: " + e.getMessage());
    } catch (VerificationException e) {
      return failed(
          note, r, "the log does not prove the receipt's leaf at its index: " + e.getMessage());
    }
    if (proved.size() != latest.size()) {
      return failed(
          note,
          r,
          "the proof is against a checkpoint of size "
              + proved.size()
              + ", not the "
              + latest.size()
              + " asked for");
    }
    if (!proved.rootHash().equals(latest.rootHash())) {
      return failed(
          note,
          r,
          "the log signed two different roots for size "
              + latest.size()
              + " ("
              + proved.rootHash().hex()
              + " in the proof, "
              + latest.rootHash().hex()
              + " in the latest checkpoint): keep both as evidence of a forked log");
    }
    return new Result(
        note.source(),
        Optional.of(r),
        Status.OK,
        "entry "
            + r.index()
            + " is in the log under the checkpoint of size "
            + latest.size()
            + " (root "
            + latest.rootHash().hex()
            + ")");
  }

  private static Result failed(ReceiptFiles.Note note, Receipt r, String why) {
    return new Result(note.source(), Optional.ofNullable(r), Status.FAILED, why);
  }
}
