package id.saksi.core.entry;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.json.CanonicalJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an agency signs: one record of its own, such as a violation report or a sanction decision.
 *
 * <p>Its signed bytes are the RFC 8785 canonical JSON of this object (docs/format.md, "Statement"):
 *
 * <pre>
 * {"agency":..,"body":{..},"issuedAt":..,"key":..,"nonce":..,"subject":..,"type":..,"v":1}
 * </pre>
 *
 * <p>The envelope is checked here; what the body may hold, and whether the record is a legal step
 * of its subject, is the domain's business. Immutable: the body is copied on the way out.
 */
public final class Statement {
  /** The only statement version this code reads and writes. */
  public static final int VERSION = 1;

  /** Bound on a statement's canonical size; a catalogue adoption is the largest record. */
  public static final int MAX_BYTES = 256 * 1024;

  static final Set<String> FIELDS =
      Set.of("v", "type", "agency", "key", "subject", "issuedAt", "nonce", "body");

  private final String type;
  private final String agency;
  private final KeyId key;
  private final String subject;
  private final Instant issuedAt;
  private final String nonce;
  private final ObjectNode tree;
  private final byte[] canonical;

  private Statement(
      String type,
      String agency,
      KeyId key,
      String subject,
      Instant issuedAt,
      String nonce,
      ObjectNode tree,
      byte[] canonical) {
    this.type = type;
    this.agency = agency;
    this.key = key;
    this.subject = subject;
    this.issuedAt = issuedAt;
    this.nonce = nonce;
    this.tree = tree;
    this.canonical = canonical;
  }

  /**
   * Builds a statement in code, e.g. in an agency's client.
   *
   * @throws EntryFormatException if a field breaks the format's rules (the message names it)
   */
  public static Statement create(
      String type,
      String agency,
      KeyId key,
      String subject,
      Instant issuedAt,
      String nonce,
      JsonNode body)
      throws EntryFormatException {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("v", VERSION);
    t.put("type", type);
    t.put("agency", agency);
    t.put("key", key.hex());
    t.put("subject", subject);
    t.put("issuedAt", DateTimeFormatter.ISO_INSTANT.format(issuedAt));
    t.put("nonce", nonce);
    t.set("body", body.deepCopy());
    return fromTree(t, "");
  }

  /**
   * Reads a statement from a JSON tree, e.g. one member of an entry or of a submission.
   *
   * @param at JSON Pointer of {@code node} in its document, for messages ("" at the root)
   */
  public static Statement fromTree(JsonNode node, String at) throws EntryFormatException {
    Fields.requireExactly(node, at, FIELDS);
    ObjectNode copy = (ObjectNode) node.deepCopy();
    return read(copy, at, null);
  }

  /**
   * Reads a statement from a tree no one else holds, whose canonical bytes are known: the statement
   * member of an entry read from canonical leaf bytes ({@link
   * id.saksi.core.json.CanonicalDocument#memberBytes}).
   *
   * @param canonical the canonical bytes of {@code node}, which the statement keeps
   */
  static Statement fromOwnedTree(JsonNode node, String at, byte[] canonical)
      throws EntryFormatException {
    Fields.requireExactly(node, at, FIELDS);
    return read((ObjectNode) node, at, canonical);
  }

  /** Checks the fields of {@code node}, which the statement keeps; writes it if not given bytes. */
  private static Statement read(ObjectNode node, String at, byte[] knownCanonical)
      throws EntryFormatException {
    JsonNode v = node.get("v");
    if (!v.isIntegralNumber() || v.longValue() != VERSION) {
      throw new EntryFormatException(
          at + "/v", "must be " + VERSION + " (the only statement version), got " + v);
    }
    String type =
        Fields.matching(
            node,
            at,
            "type",
            64,
            Statement::isRecordType,
            "a record type such as \"case.reported\"");
    String agency =
        Fields.matching(
            node, at, "agency", 64, Statement::isAgency, "an agency code such as \"BAWASLU\"");
    String keyHex = Fields.text(node, at, "key", 64);
    KeyId key;
    try {
      key = KeyId.parse(keyHex);
    } catch (ParseException e) {
      throw new EntryFormatException(at + "/key", e.getMessage());
    }
    String subject =
        Fields.matching(
            node,
            at,
            "subject",
            128,
            Statement::isSubject,
            "an identifier of letters, digits and ._:/-");
    Instant issuedAt = Fields.timestamp(node, at, "issuedAt", false);
    String nonce =
        Fields.matching(
            node,
            at,
            "nonce",
            88,
            Statement::isNonce,
            "22 to 88 base64url characters (at least 128 bits)");
    JsonNode body = node.get("body");
    if (!body.isObject()) {
      throw new EntryFormatException(
          at + "/body", "must be a JSON object, got " + Fields.kind(body));
    }
    byte[] canonical = knownCanonical != null ? knownCanonical : CanonicalJson.canonicalize(node);
    if (canonical.length > MAX_BYTES) {
      throw new EntryFormatException(
          at, "is " + canonical.length + " bytes in canonical form; the limit is " + MAX_BYTES);
    }
    return new Statement(type, agency, key, subject, issuedAt, nonce, node, canonical);
  }

  /**
   * Two or more dot-separated words, each a lower-case letter and then lower-case letters, digits
   * and hyphens: {@code case.reported}.
   */
  static boolean isRecordType(String s) {
    int words = 0;
    int i = 0;
    int n = s.length();
    while (true) {
      if (i == n || !Fields.isLower(s.charAt(i))) {
        return false;
      }
      i++;
      while (i < n
          && (Fields.isLower(s.charAt(i)) || Fields.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      words++;
      if (i == n) {
        return words >= 2;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  /** A letter or digit, then letters, digits and {@code ._-}. */
  static boolean isAgency(String s) {
    return startsWithLetterOrDigitThen(s, "._-");
  }

  /** A letter or digit, then letters, digits and {@code ._:/-}. */
  static boolean isSubject(String s) {
    return startsWithLetterOrDigitThen(s, "._:/-");
  }

  /** 22 to 88 base64url characters without padding: at least 128 bits. */
  static boolean isNonce(String s) {
    int n = s.length();
    if (n < 22 || n > 88) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Fields.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithLetterOrDigitThen(String s, String others) {
    if (s.isEmpty() || !Fields.isLetterOrDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Fields.isLetterOrDigit(c) && others.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The record type, e.g. {@code case.reported}. */
  public String type() {
    return type;
  }

  /** Code of the agency that makes the record. */
  public String agency() {
    return agency;
  }

  /** The key the agency signs with. */
  public KeyId key() {
    return key;
  }

  /** The aggregate the record belongs to: a case, an agency, a circular, a pact. */
  public String subject() {
    return subject;
  }

  /** When the agency says it made the record (the ledger records its own time separately). */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** The agency's random value that makes each statement unique. */
  public String nonce() {
    return nonce;
  }

  /** A copy of the record's body. */
  public JsonNode body() {
    return tree.get("body").deepCopy();
  }

  /** A copy of the whole statement as a tree. */
  public ObjectNode toTree() {
    return tree.deepCopy();
  }

  /** The signed bytes: JCS of the statement. A copy. */
  public byte[] canonicalBytes() {
    return canonical.clone();
  }

  /** The signed bytes without a copy; callers in this package never modify them. */
  byte[] canonicalBytesView() {
    return canonical;
  }

  /** Length of {@link #canonicalBytes()} without copying. */
  public int canonicalLength() {
    return canonical.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Statement && java.util.Arrays.equals(canonical, ((Statement) o).canonical);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(canonical);
  }

  @Override
  public String toString() {
    return type + " " + subject + " by " + agency;
  }
}
