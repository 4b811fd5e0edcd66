package id.saksi.core.entry;

import id.saksi.core.hash.Hash;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Strict readers for the fields of statements and entries; every failure names its field. */
final class Fields {
  // RFC 3339 "Z" timestamps only: an offset or a local time would give one instant two spellings.
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private static final Pattern MILLIS_TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  /** Largest integer a JSON number carries exactly (2^53); indexes and versions stay below it. */
  static final long MAX_SAFE_INTEGER = 1L << 53;

  private Fields() {}

  static void requireExactly(JsonNode node, String at, Set<String> names)
      throws EntryFormatException {
    if (!node.isObject()) {
      throw new EntryFormatException(at, "must be a JSON object, got " + kind(node));
    }
    for (String name : names) {
      if (!node.has(name)) {
        throw new EntryFormatException(at + "/" + name, "is missing");
      }
    }
    Iterator<String> it = node.propertyNames().iterator();
    while (it.hasNext()) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new EntryFormatException(
            at + "/" + escape(name), "is not a field of this format; remove it");
      }
    }
  }

  static String text(JsonNode parent, String at, String name, int maxLength)
      throws EntryFormatException {
    JsonNode n = parent.get(name);
    String path = at + "/" + name;
    if (n == null || !n.isString()) {
      throw new EntryFormatException(path, "must be a string, got " + kind(n));
    }
    String s = n.stringValue();
    if (s.isEmpty()) {
      throw new EntryFormatException(path, "must not be empty");
    }
    if (s.length() > maxLength) {
      throw new EntryFormatException(
          path, "is " + s.length() + " characters long; the limit is " + maxLength);
    }
    return s;
  }

  static String matching(
      JsonNode parent, String at, String name, int maxLength, Pattern pattern, String what)
      throws EntryFormatException {
    String s = text(parent, at, name, maxLength);
    if (!pattern.matcher(s).matches()) {
      throw new EntryFormatException(at + "/" + name, "must be " + what + ", got \"" + s + "\"");
    }
    return s;
  }

  static long nonNegativeInteger(JsonNode parent, String at, String name)
      throws EntryFormatException {
    JsonNode n = parent.get(name);
    String path = at + "/" + name;
    // The strict reader holds every integral number up to 2^53 as a long node.
    if (n == null || !n.isIntegralNumber()) {
      throw new EntryFormatException(path, "must be an integer, got " + kind(n));
    }
    long v = n.longValue();
    if (v < 0 || v > MAX_SAFE_INTEGER) {
      throw new EntryFormatException(path, "must be between 0 and 2^53, got " + v);
    }
    return v;
  }

  static Hash hexHash(JsonNode parent, String at, String name) throws EntryFormatException {
    String s = text(parent, at, name, 64);
    if (!s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
        || s.length() != 64) {
      throw new EntryFormatException(
          at + "/" + name, "must be 64 lower-case hex digits (a SHA-256 value), got \"" + s + "\"");
    }
    try {
      return Hash.fromHex(s);
    } catch (id.saksi.core.ParseException e) {
      throw new AssertionError("checked above", e);
    }
  }

  /** An RFC 3339 UTC timestamp with a "Z"; with {@code millis}, exactly three fraction digits. */
  static Instant timestamp(JsonNode parent, String at, String name, boolean millis)
      throws EntryFormatException {
    String s = text(parent, at, name, 40);
    Pattern p = millis ? MILLIS_TIMESTAMP : TIMESTAMP;
    if (!p.matcher(s).matches()) {
      throw new EntryFormatException(
          at + "/" + name,
          "must be an RFC 3339 UTC time like "
              + (millis ? "2024-10-01T08:00:00.000Z" : "2024-10-01T08:00:00Z")
              + ", got \""
              + s
              + "\"");
    }
    Instant t;
    try {
      t = Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new EntryFormatException(at + "/" + name, "is not a real date and time: \"" + s + "\"");
    }
    // Instant.parse reads 24:00:00 as the next midnight and a leap second 23:59:60 as 23:59:59:
    // a second spelling of an instant that has its own. Only the one that reads back is taken.
    if (!Timestamps.millis(t).startsWith(s.substring(0, 19))) {
      throw new EntryFormatException(at + "/" + name, "is not a real date and time: \"" + s + "\"");
    }
    return t;
  }

  static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isString()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isArray()) {
      return "an array";
    }
    return "an object";
  }

  /** JSON Pointer escaping (RFC 6901 section 3). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
