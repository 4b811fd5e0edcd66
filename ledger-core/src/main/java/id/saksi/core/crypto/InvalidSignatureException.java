package id.saksi.core.crypto;

import id.saksi.core.VerificationException;

/**
 * An Ed25519 signature did not verify: the message, the signature or the key is not the one signed.
 */
public class InvalidSignatureException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient Ed25519PublicKey key;

  public InvalidSignatureException(Ed25519PublicKey key) {
    super("Ed25519 signature does not verify under public key " + key.base64());
    this.key = key;
  }

  /** The public key the signature was checked against. */
  public Ed25519PublicKey key() {
    return key;
  }
}
