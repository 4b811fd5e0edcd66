package id.saksi.api.write;

/**
 * A whole transaction failed (the database, a conflict that persisted after a retry, a bug):
 * nothing of it was appended, or, if the commit itself failed, its outcome is unknown and a client
 * resubmits the same statements, which idempotency turns into the same entries.
 */
public final class WriteFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;

  WriteFailedException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Whether the failure happened while committing, so the statements may be in the ledger. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
