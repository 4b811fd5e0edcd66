package id.saksi.core.merkle;

import id.saksi.core.VerificationException;

/**
 * A Merkle inclusion or consistency proof did not verify; the subclass says which check failed and
 * carries its facts.
 */
public abstract class ProofVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  ProofVerificationException(String message) {
    super(message);
  }
}
