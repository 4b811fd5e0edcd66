package id.saksi.api.support;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds signed submissions as an agency's client would (docs/protocol.md): the statement, its
 * signature with the agency's test key ({@code TestLedger.privateKey("<AGENCY>#1")}), and a real
 * disclosure for every personal field the body commits, whose digest replaces the fixture's
 * stand-in digest in the body.
 */
public final class Submissions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Submissions() {}

  /** A statement ready to send: the JSON body and its parts. */
  public record Signed(
      Statement statement,
      List<StatementSignature> signatures,
      List<Disclosure> disclosures,
      ObjectNode json) {
    /** The request body. */
    public byte[] bytes() {
      return CanonicalJson.canonicalize(json);
    }
  }

  /** The test key an agency signs with. */
  public static Ed25519PrivateKey keyOf(String agency) {
    return TestLedger.privateKey(agency + "#1");
  }

  /** A fresh random nonce (128 bits, base64url). */
  public static String randomNonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** A nonce derived from {@code seed}, so the same seed gives the same statement. */
  public static String nonceFor(String seed) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Hashing.sha256(seed.getBytes(StandardCharsets.UTF_8)).bytes())
        .substring(0, 32);
  }

  /** Signs with the agency's own test key, issued at the fixtures' date, with a random nonce. */
  public static Signed sign(String agency, String type, String subject, JsonNode body) {
    return sign(agency, type, subject, body, TestLedger.LATE, randomNonce(), keyOf(agency));
  }

  /** Signs with {@code key}, which the statement names. */
  public static Signed sign(
      String agency,
      String type,
      String subject,
      JsonNode body,
      Instant issuedAt,
      String nonce,
      Ed25519PrivateKey key) {
    JsonNode opened = body.deepCopy();
    List<Disclosure> disclosures =
        opened.isObject() ? disclose(type, subject, (ObjectNode) opened) : List.of();
    try {
      Statement statement =
          Statement.create(
              type, agency, KeyId.of(key.publicKey()), subject, issuedAt, nonce, opened);
      StatementSignature signature = Statements.sign(statement, key);
      return of(statement, List.of(signature), disclosures);
    } catch (EntryFormatException e) {
      throw new AssertionError(e);
    }
  }

  /** The submission of these parts, as sent. */
  public static Signed of(
      Statement statement, List<StatementSignature> signatures, List<Disclosure> disclosures) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("statement", statement.toTree());
    ArrayNode sigs = json.putArray("signatures");
    for (StatementSignature s : signatures) {
      sigs.addObject().put("key", s.key().hex()).put("sig", s.signatureBase64());
    }
    if (!disclosures.isEmpty()) {
      ArrayNode ds = json.putArray("disclosures");
      for (Disclosure d : disclosures) {
        ds.add(d.encoded());
      }
    }
    return new Signed(statement, signatures, disclosures, json);
  }

  /**
   * Replaces each committed digest in {@code body} with the digest of a fresh disclosure of a
   * plausible value, and returns the disclosures.
   */
  static List<Disclosure> disclose(String type, String subject, ObjectNode body) {
    ParsedRecord record;
    try {
      record = DomainModel.parse(type, subject, body);
    } catch (RecordParseException e) {
      // Not a valid body: the test sends it as it is, to see it refused.
      return List.of();
    }
    Map<String, ?> fields = new TreeMap<>(record.commitments());
    List<Disclosure> out = new ArrayList<>();
    for (String field : fields.keySet()) {
      Disclosure d = Disclosure.create(field, valueFor(field), RANDOM);
      put(body, field, d.digest().text());
      out.add(d);
    }
    return out;
  }

  /** A value that passes the field's check: a valid NIP or NIK, else a short text. */
  public static String valueFor(String field) {
    String leaf = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    if (leaf.equals("nip")) {
      return "198503302010122001";
    }
    if (leaf.equals("nik")) {
      return "3174011503850001";
    }
    return "Personal value of " + field;
  }

  /** Sets the value at a domain field path such as {@code reported.nip} or {@code witnesses[1]}. */
  private static void put(ObjectNode body, String path, String value) {
    String[] parts = path.split("\\.");
    JsonNode node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    String last = parts[parts.length - 1];
    int bracket = last.indexOf('[');
    if (bracket < 0) {
      ((ObjectNode) node).put(last, value);
    } else {
      ArrayNode array = (ArrayNode) node.get(last.substring(0, bracket));
      int i = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
      array.set(i, JsonNodeFactory.instance.stringNode(value));
    }
  }

  private static JsonNode child(JsonNode node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return node.get(part);
    }
    JsonNode array = node.get(part.substring(0, bracket));
    return array.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
  }
}
