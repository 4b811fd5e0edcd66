package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.entry.Entry;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks the receipt the service answers to a submission (docs/protocol.md section 6, "Checking a
 * receipt"): the note is signed by the log's key (when the client was given it), and the entry
 * rebuilt from the client's own statement and signatures, at the receipt's index after its {@code
 * prev} at its recorded time, has the receipt's leaf hash. Only such a receipt is kept.
 */
public final class ReceiptAnswers {
  private ReceiptAnswers() {}

  /** A receipt that checked out, and its signed note as the service sent it. */
  public record Checked(Receipt receipt, byte[] note) {
    /** Copies the note. */
    public Checked {
      note = note.clone();
    }

    /** The note's bytes, a copy. */
    @Override
    public byte[] note() {
      return note.clone();
    }
  }

  /**
   * Checks {@code answer}, the JSON of a 200 or 201 (or a batch item's result), against the
   * submission it answers.
   *
   * @param logKey the log's verifier key; without it the note's signature is not checked
   * @param origin the log's origin (with {@code logKey})
   */
  public static Checked check(
      SignedSubmission submission, JsonNode answer, Optional<NoteVerifierKey> logKey, String origin)
      throws AnswerCheckException {
    JsonNode note = answer.get("receipt");
    if (note == null || !note.isString()) {
      throw new AnswerCheckException("the answer has no signed receipt (member \"receipt\")");
    }
    byte[] bytes = note.asString().getBytes(UTF_8);
    Receipt receipt;
    try {
      if (logKey.isPresent()) {
        receipt = Receipts.open(bytes, logKey.get(), origin);
      } else {
        receipt = Receipt.parse(SignedNote.parse(bytes).text());
      }
    } catch (ParseException e) {
      throw new AnswerCheckException("the receipt is not a signed receipt: " + e.getMessage(), e);
    } catch (VerificationException e) {
      throw new AnswerCheckException(
          "the receipt is not signed by the log's key: " + e.getMessage(), e);
    }
    Entry entry = submission.entry(receipt.index(), receipt.prev(), receipt.recordedAt());
    try {
      receipt.requireMatches(entry);
    } catch (VerificationException e) {
      throw new AnswerCheckException(
          "the receipt does not name this statement's entry: " + e.getMessage(), e);
    }
    JsonNode index = answer.get("index");
    JsonNode leaf = answer.get("leafHash");
    if (index == null
        || !index.canConvertToLong()
        || index.longValue() != receipt.index()
        || leaf == null
        || !leaf.isString()
        || !leaf.asString().equals(receipt.leafHash().hex())) {
      throw new AnswerCheckException(
          "the answer's index and leafHash ("
              + index
              + ", "
              + leaf
              + ") are not those of its signed receipt ("
              + receipt.index()
              + ", "
              + receipt.leafHash().hex()
              + ")");
    }
    return new Checked(receipt, bytes);
  }
}
