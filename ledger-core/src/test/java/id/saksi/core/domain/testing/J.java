package id.saksi.core.domain.testing;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.Position;
import id.saksi.core.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A terse JSON builder for record bodies in tests. */
public final class J {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private J() {}

  /** An object from alternating names and values (String, Number, Boolean, JsonNode, List). */
  public static ObjectNode o(Object... kv) {
    ObjectNode n = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      n.set((String) kv[i], value(kv[i + 1]));
    }
    return n;
  }

  /** An array of values. */
  public static ArrayNode a(Object... values) {
    ArrayNode n = F.arrayNode();
    for (Object v : values) {
      n.add(value(v));
    }
    return n;
  }

  static JsonNode value(Object v) {
    if (v instanceof JsonNode) {
      return (JsonNode) v;
    }
    if (v instanceof String) {
      return F.stringNode((String) v);
    }
    if (v instanceof Integer) {
      return F.numberNode((Integer) v);
    }
    if (v instanceof Long) {
      return F.numberNode((Long) v);
    }
    if (v instanceof Boolean) {
      return F.booleanNode((Boolean) v);
    }
    if (v instanceof LocalDate || v instanceof Enum) {
      return F.stringNode(v.toString());
    }
    if (v instanceof Position) {
      return F.numberNode(((Position) v).value());
    }
    if (v instanceof List) {
      ArrayNode n = F.arrayNode();
      for (Object e : (List<?>) v) {
        n.add(value(e));
      }
      return n;
    }
    if (v == null) {
      return F.nullNode();
    }
    throw new IllegalArgumentException("no JSON for " + v.getClass());
  }

  /** A deterministic digest standing for a disclosure of {@code seed}. */
  public static String digest(String seed) {
    return Digest.of(Hashing.sha256(seed.getBytes(StandardCharsets.UTF_8)).bytes()).text();
  }

  /** A deterministic document digest (hex SHA-256) for {@code seed}. */
  public static String doc(String seed) {
    return Hashing.sha256(("doc:" + seed).getBytes(StandardCharsets.UTF_8)).hex();
  }

  /** A copy of {@code body} with {@code name} set to {@code value} (or removed if null). */
  public static ObjectNode with(ObjectNode body, String name, Object value) {
    ObjectNode copy = body.deepCopy();
    if (value == null) {
      copy.remove(name);
    } else {
      copy.set(name, value(value));
    }
    return copy;
  }
}
