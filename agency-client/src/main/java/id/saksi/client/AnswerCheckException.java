package id.saksi.client;

import id.saksi.core.VerificationException;

/**
 * The service's answer to a submission does not hold: its receipt is not signed by the log, does
 * not name the submitted statement's entry, or contradicts the answer's own members.
 */
public final class AnswerCheckException extends VerificationException {
  private static final long serialVersionUID = 1L;

  /** A failed check, explained. */
  public AnswerCheckException(String message) {
    super(message);
  }

  /** A failed check, explained, with the core's exception behind it. */
  public AnswerCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
