package id.saksi.api.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem with a request or one item of a batch: its type, a detail that says what was wrong
 * and what to do, and extension members (the rule a rejection cites, the field a format error
 * names). Never carries personal data or key material: details come from the core's messages, which
 * name fields, not values.
 *
 * @param type the kind of problem
 * @param detail what was wrong with this request, and what to do
 * @param properties extension members, in order
 */
public record Problem(ProblemType type, String detail, Map<String, Object> properties) {
  /** Checks and copies. */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** A problem without extension members. */
  public static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, Map.of());
  }

  /** A copy with one more extension member. */
  public Problem with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(properties);
    copy.put(name, value);
    return new Problem(type, detail, copy);
  }
}
