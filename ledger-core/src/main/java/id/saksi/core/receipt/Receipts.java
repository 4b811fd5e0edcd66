package id.saksi.core.receipt;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.OpenedNote;
import id.saksi.core.note.SignedNotes;
import java.util.List;

/** Signs and opens receipts: a {@link Receipt}'s text as a signed note by the log's key. */
public final class Receipts {
  private Receipts() {}

  /** The signed note of {@code receipt}, signed with the log's key. */
  public static byte[] sign(Receipt receipt, NoteSigner logKey) {
    return SignedNotes.sign(receipt.format(), List.of(logKey));
  }

  /**
   * Opens a signed receipt: the log's signature must verify, then the text must be a receipt of the
   * log named {@code origin}.
   *
   * @throws ParseException if the note or its text is malformed
   * @throws VerificationException if the log's key did not sign it, or it names another log
   */
  public static Receipt open(byte[] signedNote, NoteVerifierKey logKey, String origin)
      throws ParseException, VerificationException {
    OpenedNote note = SignedNotes.open(signedNote, List.of(logKey));
    Receipt receipt = Receipt.parse(note.text());
    if (!receipt.origin().equals(origin)) {
      throw new VerificationException(
          "receipt is from log \"" + receipt.origin() + "\", expected \"" + origin + "\"");
    }
    return receipt;
  }
}
