package id.saksi.core.entry;

import id.saksi.core.VerificationException;
import id.saksi.core.crypto.KeyId;

/** A statement's signature does not verify, or is checked against a key it does not name. */
public final class StatementSignatureException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final KeyId key;

  StatementSignatureException(KeyId key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The key the signature names. */
  public KeyId key() {
    return key;
  }
}
