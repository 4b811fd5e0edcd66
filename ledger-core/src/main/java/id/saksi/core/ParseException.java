package id.saksi.core;

/**
 * Input does not follow its format: it could not be read at all, so nothing about it was checked.
 *
 * <p>Distinct from {@link VerificationException}, which means the input was read and a check on it
 * failed. Every subclass says where (a position, a line, a field) and what was expected.
 */
public class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public ParseException(String message) {
    super(message);
  }

  public ParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
