package id.saksi.core.verify;

import id.saksi.core.ParseException;

/**
 * An input the caller gave cannot be used for the verification asked for: an older checkpoint that
 * the log's key did not sign, or that an export of this scope cannot be compared with. Nothing
 * about the export is concluded.
 */
public final class UnusableInputException extends ParseException {
  private static final long serialVersionUID = 1L;

  public UnusableInputException(String message) {
    super(message);
  }

  public UnusableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
