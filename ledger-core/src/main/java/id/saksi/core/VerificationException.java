package id.saksi.core;

/**
 * Input was read but failed a check: a hash, a signature, a proof or a rule did not hold.
 *
 * <p>Verifiers in this project return nothing and throw a subclass of this type, which carries the
 * facts of the failure (index, expected, actual) so that a caller can neither forget to look at the
 * result nor lose the reason. Each layer that rethrows adds one line of context and keeps the
 * cause.
 */
public class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
