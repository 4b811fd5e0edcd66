package id.saksi.api.problem;

import java.util.Objects;

/**
 * Ends the handling of a request with a {@link Problem}; the API's exception handler answers it as
 * problem details. Carries no stack trace worth logging: it is the client's error, or an expected
 * condition such as a full queue.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /** The exception for {@code problem}. */
  public ProblemException(Problem problem) {
    super(Objects.requireNonNull(problem, "problem").detail(), null, false, false);
    this.problem = problem;
  }

  /** The exception for a problem of {@code type} without extension members. */
  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  /** The problem. */
  public Problem problem() {
    return problem;
  }
}
