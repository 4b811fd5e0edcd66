package id.saksi.core.note;

import id.saksi.core.VerificationException;

/**
 * A signature line names a trusted key (name and key id both match) but its signature does not
 * verify: the note was altered, or was signed by another key that collides on name and id.
 */
public class InvalidNoteSignatureException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String keyName;
  private final KeyId keyId;

  public InvalidNoteSignatureException(String keyName, KeyId keyId, String reason) {
    this(keyName, keyId, reason, null);
  }

  public InvalidNoteSignatureException(
      String keyName, KeyId keyId, String reason, Throwable cause) {
    super("invalid signature for key " + keyName + "+" + keyId.hex() + ": " + reason, cause);
    this.keyName = keyName;
    this.keyId = keyId;
  }

  /** Name of the trusted key whose signature failed. */
  public String keyName() {
    return keyName;
  }

  /** Key id of the trusted key whose signature failed. */
  public KeyId keyId() {
    return keyId;
  }
}
