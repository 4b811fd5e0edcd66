package id.saksi.api.http;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import java.util.OptionalLong;

/**
 * Reads numeric query parameters as the read API documents them: decimal digits only, no sign, no
 * leading zero, at most 2^63-1; anything else is a {@code bad-parameter} problem naming the
 * parameter. Parsed here rather than by Spring so that every error is the API's own problem type.
 */
final class QueryParameters {
  private QueryParameters() {}

  /** The required parameter {@code name}. */
  static long required(String name, String value) {
    if (value == null) {
      throw bad(name, "the query parameter " + name + " is required");
    }
    return parse(name, value);
  }

  /** The optional parameter {@code name}. */
  static OptionalLong optional(String name, String value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(parse(name, value));
  }

  private static long parse(String name, String value) {
    boolean digits = !value.isEmpty() && value.length() <= 19;
    for (int i = 0; i < value.length() && digits; i++) {
      char c = value.charAt(i);
      digits = c >= '0' && c <= '9';
    }
    if (!digits || (value.length() > 1 && value.charAt(0) == '0')) {
      throw bad(
          name,
          "the query parameter "
              + name
              + " must be a non-negative decimal integer without sign or leading zeros");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw bad(name, "the query parameter " + name + " must be at most 9223372036854775807");
    }
  }

  /** A {@code bad-parameter} problem naming {@code name}. */
  static ProblemException bad(String name, String detail) {
    return new ProblemException(
        Problem.of(ProblemType.BAD_PARAMETER, detail).with("parameter", name));
  }
}
