package id.saksi.core.disclosure;

import id.saksi.core.VerificationException;

/**
 * A disclosure does not hash to the digest a statement carries: it is not the value that was
 * committed, or it belongs to another field or another statement.
 */
public final class DisclosureMismatchException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String claimName;
  private final transient Digest expected;
  private final transient Digest actual;

  public DisclosureMismatchException(String claimName, Digest expected, Digest actual) {
    super(
        "disclosure of \""
            + claimName
            + "\" does not match its digest: the statement carries "
            + expected
            + ", the disclosure hashes to "
            + actual);
    this.claimName = claimName;
    this.expected = expected;
    this.actual = actual;
  }

  /** The field the disclosure claims to open. */
  public String claimName() {
    return claimName;
  }

  /** The digest in the statement. */
  public Digest expected() {
    return expected;
  }

  /** The digest of the disclosure as presented. */
  public Digest actual() {
    return actual;
  }
}
