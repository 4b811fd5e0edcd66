package id.saksi.api.domain;

import id.saksi.core.domain.rule.Rejection;
import java.util.Objects;

/**
 * The domain refused a statement: thrown by an aggregate's command handler, so that Axon rolls back
 * the command's unit of work and nothing is appended. Carries the core's {@link Rejection}
 * (subject, state, rule, source, message), which the API turns into a problem report.
 *
 * <p>Unchecked because Axon rolls back only on unchecked exceptions by default.
 */
public final class StatementRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  /** The exception for {@code rejection}; its message is the rejection's one-line form. */
  public StatementRejectedException(Rejection rejection) {
    super(Objects.requireNonNull(rejection, "rejection").toString());
    this.rejection = rejection;
  }

  /** Why the statement was refused. */
  public Rejection rejection() {
    return rejection;
  }
}
