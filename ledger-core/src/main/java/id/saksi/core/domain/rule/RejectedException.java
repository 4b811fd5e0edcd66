package id.saksi.core.domain.rule;

import id.saksi.core.VerificationException;

/** A record broke a rule; carries the {@link Rejection} for callers that prefer to throw. */
public final class RejectedException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  public RejectedException(Rejection rejection) {
    super(rejection.toString());
    this.rejection = rejection;
  }

  /** The rejection. */
  public Rejection rejection() {
    return rejection;
  }
}
