package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A refusal from the service (RFC 9457 problem details, docs/protocol.md section 9) as the user
 * sees it: status, the short type, and what the service says to do. An answer that is not problem
 * JSON is shown as its status and the start of its text.
 *
 * @param status the HTTP status
 * @param type the type after {@code urn:saksi:problem:}, or the whole type, or "" for about:blank
 * @param title the type's fixed title
 * @param detail what was wrong with this request and what to do
 * @param extras the extension members worth showing, as "name value"
 * @param retryAfterSeconds the retry advice, if any
 */
public record Problem(
    int status,
    String type,
    String title,
    String detail,
    List<String> extras,
    Optional<Long> retryAfterSeconds) {
  /** The prefix of every Saksi problem type. */
  public static final String TYPE_PREFIX = "urn:saksi:problem:";

  private static final List<String> EXTRAS =
      List.of("field", "rule", "source", "subject", "state", "key", "agency", "nonce", "limit");

  /** Copies the list. */
  public Problem {
    extras = List.copyOf(extras);
  }

  /** The problem in an answer (a 4xx or 5xx, or a batch item's {@code problem} member). */
  public static Problem of(int status, byte[] body, Optional<String> retryAfterHeader) {
    JsonNode json = null;
    try {
      json = CanonicalJson.parse(body);
    } catch (JsonParseException e) {
      // Not JSON: shown as text below.
    }
    if (json == null || !json.isObject()) {
      String text = new String(body, UTF_8).strip();
      return new Problem(
          status,
          "",
          "HTTP " + status,
          text.isEmpty() ? "(no explanation)" : Texts.printable(text, 300),
          List.of(),
          seconds(retryAfterHeader.orElse(null)));
    }
    return of(status, json, retryAfterHeader);
  }

  /** The problem in a parsed JSON object. */
  public static Problem of(int status, JsonNode json, Optional<String> retryAfterHeader) {
    String type = text(json, "type");
    if (type.startsWith(TYPE_PREFIX)) {
      type = type.substring(TYPE_PREFIX.length());
    }
    List<String> extras = new java.util.ArrayList<>();
    for (String name : EXTRAS) {
      JsonNode v = json.get(name);
      if (v != null && (v.isString() || v.isNumber())) {
        extras.add(name + " " + Texts.printable(v.isString() ? v.asString() : v.toString(), 300));
      }
    }
    Optional<Long> retry =
        json.has("retryAfterSeconds") && json.get("retryAfterSeconds").canConvertToLong()
            ? Optional.of(json.get("retryAfterSeconds").longValue())
            : seconds(retryAfterHeader.orElse(null));
    return new Problem(
        status,
        Texts.printable(type, 100),
        Texts.printable(text(json, "title"), 200),
        Texts.printable(text(json, "detail"), 2000),
        extras,
        retry);
  }

  private static String text(JsonNode json, String name) {
    JsonNode v = json.get(name);
    return v != null && v.isString() ? v.asString() : "";
  }

  private static Optional<Long> seconds(String header) {
    if (header == null || !header.strip().matches("[0-9]{1,6}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(header.strip()));
  }

  /** One line for the user: {@code 403 key-other-agency: detail (field /statement/key)}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(status);
    if (!type.isEmpty()) {
      b.append(' ').append(type);
    }
    b.append(": ");
    b.append(detail.isEmpty() ? title : detail);
    if (!extras.isEmpty()) {
      b.append(" (").append(String.join("; ", extras)).append(')');
    }
    return b.toString();
  }
}
