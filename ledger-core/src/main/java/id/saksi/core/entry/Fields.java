package id.saksi.core.entry;

import id.saksi.core.hash.Hash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Strict readers for the fields of statements and entries; every failure names its field. */
final class Fields {
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
      JsonNode parent, String at, String name, int maxLength, Predicate<String> form, String what)
      throws EntryFormatException {
    String s = text(parent, at, name, maxLength);
    if (!form.test(s)) {
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
    if (s.length() != 64 || !isLowerHex(s)) {
      throw new EntryFormatException(
          at + "/" + name, "must be 64 lower-case hex digits (a SHA-256 value), got \"" + s + "\"");
    }
    byte[] bytes = new byte[Hash.SIZE];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (hexValue(s.charAt(2 * i)) << 4 | hexValue(s.charAt(2 * i + 1)));
    }
    return Hash.of(bytes);
  }

  /** An RFC 3339 UTC timestamp with a "Z"; with {@code millis}, exactly three fraction digits. */
  static Instant timestamp(JsonNode parent, String at, String name, boolean millis)
      throws EntryFormatException {
    String s = text(parent, at, name, 40);
    if (!(millis ? isMillisTimestamp(s) : isTimestamp(s))) {
      throw new EntryFormatException(
          at + "/" + name,
          "must be an RFC 3339 UTC time like "
              + (millis ? "2024-10-01T08:00:00.000Z" : "2024-10-01T08:00:00Z")
              + ", got \""
              + s
              + "\"");
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    // Only real times, each with its one spelling: no 24:00:00 for the next midnight and no leap
    // second 23:59:60, which java.time would read as the instant that has its own spelling.
    if (month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(java.time.Year.isLeap(year))
        || hour > 23
        || minute > 59
        || second > 59) {
      throw new EntryFormatException(at + "/" + name, "is not a real date and time: \"" + s + "\"");
    }
    int nanos = 0;
    if (s.length() > 20) {
      int fraction = s.length() - 21; // between the '.' at 19 and the 'Z' at the end
      nanos = digits(s, 20, fraction);
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss}, then optionally '.' and 1 to 9 digits, then 'Z'. */
  private static boolean isTimestamp(String s) {
    int n = s.length();
    if (n == 20) {
      return isDateTime(s) && s.charAt(19) == 'Z';
    }
    return n >= 22
        && n <= 30
        && isDateTime(s)
        && s.charAt(19) == '.'
        && allDigits(s, 20, n - 1)
        && s.charAt(n - 1) == 'Z';
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  private static boolean isMillisTimestamp(String s) {
    return s.length() == 24
        && isDateTime(s)
        && s.charAt(19) == '.'
        && allDigits(s, 20, 23)
        && s.charAt(23) == 'Z';
  }

  /** Whether the first 19 characters are {@code dddd-dd-ddTdd:dd:dd} (digits 0-9 only). */
  private static boolean isDateTime(String s) {
    return allDigits(s, 0, 4)
        && s.charAt(4) == '-'
        && allDigits(s, 5, 7)
        && s.charAt(7) == '-'
        && allDigits(s, 8, 10)
        && s.charAt(10) == 'T'
        && allDigits(s, 11, 13)
        && s.charAt(13) == ':'
        && allDigits(s, 14, 16)
        && s.charAt(16) == ':'
        && allDigits(s, 17, 19);
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code count} ASCII digits at {@code from}, already checked to be digits. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The value of a lower-case hex digit, already checked. */
  private static int hexValue(char c) {
    return c <= '9' ? c - '0' : c - 'a' + 10;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isLetterOrDigit(char c) {
    return isDigit(c) || isLower(c) || (c >= 'A' && c <= 'Z');
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
