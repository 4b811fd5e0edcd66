package id.saksi.core.note;

import id.saksi.core.VerificationException;

/**
 * A correctly signed checkpoint is for another log: its origin line is not the one expected. A log
 * key may sign for several origins, so the signature alone does not say which log this is.
 */
public class CheckpointOriginException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  public CheckpointOriginException(String expected, String actual) {
    super("checkpoint is for origin '" + actual + "', expected '" + expected + "'");
    this.expected = expected;
    this.actual = actual;
  }

  /** The origin the caller trusts. */
  public String expected() {
    return expected;
  }

  /** The origin line of the checkpoint. */
  public String actual() {
    return actual;
  }
}
