package id.saksi.core.domain;

import id.saksi.core.ParseException;
import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.DateText;
import id.saksi.core.domain.validation.InvalidValueException;
import id.saksi.core.domain.validation.LetterNumber;
import id.saksi.core.domain.validation.Texts;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A strict reader over one JSON object of a record body or of the catalogue: every field read is
 * checked for presence, type and length, and {@link #end()} rejects fields nobody read.
 *
 * <p>Every failure is a {@link RecordParseException} naming the field by its path and saying what
 * to write. Digest fields read with {@link #commitment} are collected (path to digest) so that the
 * disclosures travelling beside a statement can be matched to them.
 */
public final class JsonFields {
  /** Longest short text (a name, a title, a label) accepted unless a field says otherwise. */
  public static final int SHORT_TEXT = 200;

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();
  private final Map<String, Digest> commitments;

  private JsonFields(JsonNode node, String path, Map<String, Digest> commitments) {
    this.node = node;
    this.path = path;
    this.commitments = commitments;
  }

  /** A reader over {@code node}, which must be a JSON object; {@code what} names it in errors. */
  public static JsonFields of(JsonNode node, String what) throws RecordParseException {
    if (node == null || !node.isObject()) {
      throw new RecordParseException(
          what, "must be a JSON object, got " + (node == null ? "nothing" : typeOf(node)));
    }
    return new JsonFields(node, "", new LinkedHashMap<>());
  }

  /** The path of the field {@code name} of this object, for messages. */
  public String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private JsonNode required(String name, String expected) throws RecordParseException {
    read.add(name);
    JsonNode value = node.get(name);
    if (value == null) {
      throw new RecordParseException(pathOf(name), "is missing; give " + expected);
    }
    if (value.isNull()) {
      throw new RecordParseException(pathOf(name), "is null; give " + expected);
    }
    return value;
  }

  private JsonNode optional(String name, String expected) throws RecordParseException {
    read.add(name);
    JsonNode value = node.get(name);
    if (value != null && value.isNull()) {
      throw new RecordParseException(
          pathOf(name), "is null; leave the field out or give " + expected);
    }
    return value;
  }

  /** A copy of the JSON object this reader reads. */
  public JsonNode node() {
    return node.deepCopy();
  }

  /** The names of this object's fields, in document order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (String name : node.propertyNames()) {
      out.add(name);
    }
    return Collections.unmodifiableList(out);
  }

  /** Whether the object has a field of this name (null included). */
  public boolean has(String name) {
    return node.has(name);
  }

  /** A required text of 1 to {@code max} characters with no control characters. */
  public String text(String name, int max) throws RecordParseException {
    return checkText(pathOf(name), required(name, textHint(max)), max);
  }

  /** An optional text of 1 to {@code max} characters with no control characters. */
  public Optional<String> optionalText(String name, int max) throws RecordParseException {
    JsonNode v = optional(name, textHint(max));
    return v == null ? Optional.empty() : Optional.of(checkText(pathOf(name), v, max));
  }

  private static String textHint(int max) {
    return "a text of 1 to " + max + " characters";
  }

  private static String checkText(String path, JsonNode v, int max) throws RecordParseException {
    if (!v.isString()) {
      throw new RecordParseException(path, "must be a JSON string, got " + typeOf(v));
    }
    String s = v.stringValue();
    if (s.isBlank()) {
      throw new RecordParseException(path, "is empty; give " + textHint(max));
    }
    if (s.length() > max) {
      throw new RecordParseException(
          path, "has " + s.length() + " characters; at most " + max + " are allowed");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new RecordParseException(
            path,
            "has the control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at position "
                + (i + 1)
                + "; write it on one line");
      }
    }
    return s;
  }

  /** A required date, {@code YYYY-MM-DD}. */
  public LocalDate date(String name) throws RecordParseException {
    return checkDate(pathOf(name), required(name, "a date as YYYY-MM-DD"));
  }

  /** An optional date, {@code YYYY-MM-DD}. */
  public Optional<LocalDate> optionalDate(String name) throws RecordParseException {
    JsonNode v = optional(name, "a date as YYYY-MM-DD");
    return v == null ? Optional.empty() : Optional.of(checkDate(pathOf(name), v));
  }

  private static LocalDate checkDate(String path, JsonNode v) throws RecordParseException {
    if (!v.isString()) {
      throw new RecordParseException(path, "must be a date string YYYY-MM-DD, got " + typeOf(v));
    }
    try {
      return DateText.parse(v.stringValue());
    } catch (InvalidValueException e) {
      throw new RecordParseException(path, "is wrong: " + e.getMessage(), e);
    }
  }

  /** A required whole number between {@code min} and {@code max}. */
  public long integer(String name, long min, long max) throws RecordParseException {
    return checkInteger(pathOf(name), required(name, "a whole number"), min, max);
  }

  /** An optional whole number between {@code min} and {@code max}. */
  public Optional<Long> optionalInteger(String name, long min, long max)
      throws RecordParseException {
    JsonNode v = optional(name, "a whole number");
    return v == null ? Optional.empty() : Optional.of(checkInteger(pathOf(name), v, min, max));
  }

  private static long checkInteger(String path, JsonNode v, long min, long max)
      throws RecordParseException {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new RecordParseException(
          path, "must be a whole number from " + min + " to " + max + ", got " + shortForm(v));
    }
    long n = v.longValue();
    if (n < min || n > max) {
      throw new RecordParseException(path, "is " + n + "; it must be from " + min + " to " + max);
    }
    return n;
  }

  /** A required ledger position, a whole number of 0 or more: a reference to an earlier record. */
  public Position position(String name) throws RecordParseException {
    return new Position(integer(name, 0, Long.MAX_VALUE));
  }

  /** A required boolean. */
  public boolean bool(String name) throws RecordParseException {
    JsonNode v = required(name, "true or false");
    if (!v.isBoolean()) {
      throw new RecordParseException(pathOf(name), "must be true or false, got " + typeOf(v));
    }
    return v.booleanValue();
  }

  /** A required value of {@code type}, written as the constant's name. */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) throws RecordParseException {
    return checkEnum(pathOf(name), required(name, "one of " + names(type)), type);
  }

  /** An optional value of {@code type}. */
  public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type)
      throws RecordParseException {
    JsonNode v = optional(name, "one of " + names(type));
    return v == null ? Optional.empty() : Optional.of(checkEnum(pathOf(name), v, type));
  }

  private static <E extends Enum<E>> E checkEnum(String path, JsonNode v, Class<E> type)
      throws RecordParseException {
    if (v.isString()) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(v.stringValue())) {
          return e;
        }
      }
    }
    throw new RecordParseException(
        path, "is " + shortForm(v) + "; it must be one of " + names(type));
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    List<String> out = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      out.add(e.name());
    }
    return String.join(", ", out);
  }

  /** A required agency code. */
  public AgencyCode agency(String name) throws RecordParseException {
    return checkAgency(pathOf(name), required(name, "an agency code such as BAWASLU-JATENG"));
  }

  /** An optional agency code. */
  public Optional<AgencyCode> optionalAgency(String name) throws RecordParseException {
    JsonNode v = optional(name, "an agency code such as BAWASLU-JATENG");
    return v == null ? Optional.empty() : Optional.of(checkAgency(pathOf(name), v));
  }

  private static AgencyCode checkAgency(String path, JsonNode v) throws RecordParseException {
    if (!v.isString()) {
      throw new RecordParseException(path, "must be an agency code string, got " + typeOf(v));
    }
    try {
      return AgencyCode.parse(v.stringValue());
    } catch (InvalidValueException e) {
      throw new RecordParseException(path, "is wrong: " + e.getMessage(), e);
    }
  }

  /** A required letter number, as printed on the letter. */
  public LetterNumber letterNumber(String name) throws RecordParseException {
    return checkLetterNumber(pathOf(name), required(name, "the letter number as printed"));
  }

  private static LetterNumber checkLetterNumber(String path, JsonNode v)
      throws RecordParseException {
    if (!v.isString()) {
      throw new RecordParseException(path, "must be a letter number string, got " + typeOf(v));
    }
    try {
      return LetterNumber.parse(v.stringValue());
    } catch (InvalidValueException e) {
      throw new RecordParseException(path, "is wrong: " + e.getMessage(), e);
    }
  }

  /**
   * A required salted digest of a personal value (docs/personal-data.md); recorded as a commitment
   * under its path.
   */
  public Digest commitment(String name) throws RecordParseException {
    return checkCommitment(name, required(name, "the digest of its disclosure"));
  }

  /** An optional salted digest of a personal value. */
  public Optional<Digest> optionalCommitment(String name) throws RecordParseException {
    JsonNode v = optional(name, "the digest of its disclosure");
    return v == null ? Optional.empty() : Optional.of(checkCommitment(name, v));
  }

  private Digest checkCommitment(String name, JsonNode v) throws RecordParseException {
    String p = pathOf(name);
    if (!v.isString()) {
      throw new RecordParseException(
          p,
          "must be the digest of a disclosure (43 characters of base64url), got "
              + typeOf(v)
              + "; personal data never goes in a statement in clear");
    }
    Digest d;
    try {
      d = Digest.parse(v.stringValue());
    } catch (ParseException e) {
      throw new RecordParseException(
          p,
          "is not a disclosure digest: "
              + e.getMessage()
              + "; personal data never goes in a statement in clear, only its digest",
          e);
    }
    commitments.put(p, d);
    return d;
  }

  /** A required SHA-256 of a document (a signed PDF), as 64 lower-case hex digits. */
  public Hash documentDigest(String name) throws RecordParseException {
    return checkDocumentDigest(pathOf(name), required(name, "the SHA-256 of the document in hex"));
  }

  private static Hash checkDocumentDigest(String path, JsonNode v) throws RecordParseException {
    if (!v.isString()) {
      throw new RecordParseException(path, "must be 64 hex digits, got " + typeOf(v));
    }
    String s = v.stringValue();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'F') {
        throw new RecordParseException(path, "must be lower-case hex (one spelling per digest)");
      }
    }
    try {
      return Hash.fromHex(s);
    } catch (ParseException e) {
      throw new RecordParseException(
          path, "is not a SHA-256 in hex: " + e.getMessage() + "; use sha256sum on the file", e);
    }
  }

  /** A required pseudonymous person reference. */
  public PersonRef personRef(String name) throws RecordParseException {
    JsonNode v = required(name, "the person reference (43 characters of base64url)");
    if (!v.isString()) {
      throw new RecordParseException(
          pathOf(name), "must be a person reference string, got " + typeOf(v));
    }
    return PersonRef.parse(v.stringValue(), pathOf(name));
  }

  /** A required nested object. */
  public JsonFields object(String name) throws RecordParseException {
    JsonNode v = required(name, "a JSON object");
    if (!v.isObject()) {
      throw new RecordParseException(pathOf(name), "must be a JSON object, got " + typeOf(v));
    }
    return new JsonFields(v, pathOf(name), commitments);
  }

  /** An optional nested object. */
  public Optional<JsonFields> optionalObject(String name) throws RecordParseException {
    JsonNode v = optional(name, "a JSON object");
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw new RecordParseException(pathOf(name), "must be a JSON object, got " + typeOf(v));
    }
    return Optional.of(new JsonFields(v, pathOf(name), commitments));
  }

  /** A required array of {@code min} to {@code max} objects. */
  public List<JsonFields> objects(String name, int min, int max) throws RecordParseException {
    JsonNode v = array(name, min, max, "objects");
    List<JsonFields> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = pathOf(name) + "[" + i + "]";
      if (!e.isObject()) {
        throw new RecordParseException(p, "must be a JSON object, got " + typeOf(e));
      }
      out.add(new JsonFields(e, p, commitments));
    }
    return Collections.unmodifiableList(out);
  }

  /** A required array of {@code min} to {@code max} texts, each of 1 to {@code maxLength}. */
  public List<String> texts(String name, int min, int max, int maxLength)
      throws RecordParseException {
    JsonNode v = array(name, min, max, "texts");
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(checkText(pathOf(name) + "[" + i + "]", v.get(i), maxLength));
    }
    return Collections.unmodifiableList(out);
  }

  /** A required array of {@code min} to {@code max} distinct texts. */
  public List<String> distinctTexts(String name, int min, int max, int maxLength)
      throws RecordParseException {
    List<String> out = texts(name, min, max, maxLength);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < out.size(); i++) {
      if (!seen.add(out.get(i))) {
        throw new RecordParseException(
            pathOf(name) + "[" + i + "]", "repeats \"" + out.get(i) + "\"; list each once");
      }
    }
    return out;
  }

  /** A required array of {@code min} to {@code max} distinct agency codes. */
  public List<AgencyCode> agencies(String name, int min, int max) throws RecordParseException {
    JsonNode v = array(name, min, max, "agency codes");
    List<AgencyCode> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      AgencyCode c = checkAgency(pathOf(name) + "[" + i + "]", v.get(i));
      if (out.contains(c)) {
        throw new RecordParseException(
            pathOf(name) + "[" + i + "]", "repeats " + c + "; list each agency once");
      }
      out.add(c);
    }
    return Collections.unmodifiableList(out);
  }

  /** A required array of {@code min} to {@code max} distinct digests of personal values. */
  public List<Digest> commitmentList(String name, int min, int max) throws RecordParseException {
    JsonNode v = array(name, min, max, "digests");
    List<Digest> out = new ArrayList<>(v.size());
    read.add(name);
    for (int i = 0; i < v.size(); i++) {
      String p = pathOf(name) + "[" + i + "]";
      JsonNode e = v.get(i);
      if (!e.isString()) {
        throw new RecordParseException(p, "must be the digest of a disclosure, got " + typeOf(e));
      }
      Digest d;
      try {
        d = Digest.parse(e.stringValue());
      } catch (ParseException ex) {
        throw new RecordParseException(p, "is not a disclosure digest: " + ex.getMessage(), ex);
      }
      if (out.contains(d)) {
        throw new RecordParseException(p, "repeats a digest; each entry has its own salt");
      }
      out.add(d);
      commitments.put(p, d);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * A required array of {@code min} to {@code max} whole numbers between {@code lo} and {@code hi}.
   */
  public List<Integer> integers(String name, int min, int max, int lo, int hi)
      throws RecordParseException {
    JsonNode v = array(name, min, max, "whole numbers");
    List<Integer> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add((int) checkInteger(pathOf(name) + "[" + i + "]", v.get(i), lo, hi));
    }
    return Collections.unmodifiableList(out);
  }

  /** A required array of {@code min} to {@code max} distinct values of {@code type}. */
  public <E extends Enum<E>> List<E> enums(String name, int min, int max, Class<E> type)
      throws RecordParseException {
    JsonNode v = array(name, min, max, "values of " + names(type));
    List<E> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      E e = checkEnum(pathOf(name) + "[" + i + "]", v.get(i), type);
      if (out.contains(e)) {
        throw new RecordParseException(
            pathOf(name) + "[" + i + "]", "repeats " + e + "; list each once");
      }
      out.add(e);
    }
    return Collections.unmodifiableList(out);
  }

  private JsonNode array(String name, int min, int max, String of) throws RecordParseException {
    JsonNode v = required(name, "an array of " + of);
    if (!v.isArray()) {
      throw new RecordParseException(
          pathOf(name), "must be a JSON array of " + of + ", got " + typeOf(v));
    }
    if (v.size() < min || v.size() > max) {
      throw new RecordParseException(
          pathOf(name), "has " + v.size() + " elements; give " + min + " to " + max);
    }
    return v;
  }

  /** The raw JSON of a required field, for content another reader parses. */
  public JsonNode raw(String name) throws RecordParseException {
    return required(name, "a value");
  }

  /**
   * Rejects fields that no accessor read: a misspelt optional field would otherwise be silently
   * ignored.
   */
  public void end() throws RecordParseException {
    Set<String> unknown = new TreeSet<>();
    for (String name : node.propertyNames()) {
      if (!read.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new RecordParseException(
          pathOf(Texts.quoteSafe(first)),
          "is not a field of this record; the fields are "
              + String.join(", ", new TreeSet<>(read)));
    }
  }

  /** The digests read with {@link #commitment}, by path, in reading order (the whole body's). */
  public Map<String, Digest> commitments() {
    return Collections.unmodifiableMap(commitments);
  }

  /** The path of this object in the body, empty for the body itself. */
  public String path() {
    return path;
  }

  private static String typeOf(JsonNode v) {
    return v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static String shortForm(JsonNode v) {
    if (v.isString()) {
      return "\"" + Texts.quoteSafe(v.stringValue()) + "\"";
    }
    String s = v.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
