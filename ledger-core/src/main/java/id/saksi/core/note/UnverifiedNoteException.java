package id.saksi.core.note;

import id.saksi.core.VerificationException;
import java.util.List;

/**
 * No signature of a note is by a trusted key, so its text must not be used. The message lists the
 * keys that did sign (name+key id) and the keys that were trusted, which is usually enough to spot
 * a wrong or rotated key.
 */
public class UnverifiedNoteException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final List<String> signedBy;
  private final List<String> trusted;

  public UnverifiedNoteException(List<String> signedBy, List<String> trusted) {
    super(
        "note has no verifiable signatures: signed by "
            + (signedBy.isEmpty() ? "nobody" : String.join(", ", signedBy))
            + "; trusted keys are "
            + (trusted.isEmpty() ? "none" : String.join(", ", trusted)));
    this.signedBy = List.copyOf(signedBy);
    this.trusted = List.copyOf(trusted);
  }

  /** {@code name+keyid} of every signature line, none of which is by a trusted key. */
  public List<String> signedBy() {
    return signedBy;
  }

  /** {@code name+keyid} of every trusted key. */
  public List<String> trusted() {
    return trusted;
  }
}
