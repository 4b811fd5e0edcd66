package id.saksi.core.verify;

import id.saksi.core.VerificationException;

/** An export did not verify; the report says what was checked and every failure found. */
public final class ExportVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient VerificationReport report;

  ExportVerificationException(VerificationReport report) {
    super(
        report.firstFailure().orElseThrow()
            + (report.failureCount() > 1
                ? " (and " + (report.failureCount() - 1) + " more failures)"
                : ""));
    this.report = report;
  }

  /** The full report. */
  public VerificationReport report() {
    return report;
  }
}
