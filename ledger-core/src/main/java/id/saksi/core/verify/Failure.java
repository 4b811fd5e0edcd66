package id.saksi.core.verify;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One failed check: the entry it is about (if it is about one), the check, a message that says what
 * is wrong, and the expected and actual values where there are two to compare.
 *
 * @param index the entry's index, or empty for a failure of the whole (a root, the manifest)
 * @param check the check that failed
 * @param message one line saying what is wrong
 * @param expected what the check required, if it compares two values
 * @param actual what it found
 */
public record Failure(
    OptionalLong index,
    Check check,
    String message,
    Optional<String> expected,
    Optional<String> actual) {
  /** Rejects nulls. */
  public Failure {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  /** A failure at entry {@code index} with nothing to compare. */
  public static Failure at(long index, Check check, String message) {
    return new Failure(OptionalLong.of(index), check, message, Optional.empty(), Optional.empty());
  }

  /** A failure at entry {@code index} comparing two values. */
  public static Failure at(
      long index, Check check, String message, Object expected, Object actual) {
    return new Failure(
        OptionalLong.of(index),
        check,
        message,
        Optional.of(String.valueOf(expected)),
        Optional.of(String.valueOf(actual)));
  }

  /** A failure of the whole, not of one entry. */
  public static Failure global(Check check, String message) {
    return new Failure(OptionalLong.empty(), check, message, Optional.empty(), Optional.empty());
  }

  /** A failure of the whole comparing two values. */
  public static Failure global(Check check, String message, Object expected, Object actual) {
    return new Failure(
        OptionalLong.empty(),
        check,
        message,
        Optional.of(String.valueOf(expected)),
        Optional.of(String.valueOf(actual)));
  }

  /** {@code entry N: check: message}, the form the verifier prints. */
  @Override
  public String toString() {
    return (index.isPresent() ? "entry " + index.getAsLong() + ": " : "")
        + check.wire()
        + ": "
        + message;
  }
}
