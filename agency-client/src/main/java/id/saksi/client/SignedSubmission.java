package id.saksi.client;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.hash.Hash;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed statement as the client sends it (docs/protocol.md section 3): the statement, 1 to 4
 * signatures (the first by the statement's own key) and the disclosures of the personal fields its
 * body commits. Immutable.
 */
public final class SignedSubmission {
  /** Most signatures on one statement (the first by its key, then cosignatures). */
  public static final int MAX_SIGNATURES = Entry.MAX_SIGNATURES;

  private static final List<String> MEMBERS = List.of("statement", "signatures", "disclosures");

  private final Statement statement;
  private final List<StatementSignature> signatures;
  private final List<Disclosure> disclosures;

  private SignedSubmission(
      Statement statement, List<StatementSignature> signatures, List<Disclosure> disclosures) {
    this.statement = statement;
    this.signatures = List.copyOf(signatures);
    this.disclosures = List.copyOf(disclosures);
  }

  /**
   * The submission of these parts.
   *
   * @throws IllegalArgumentException if the signatures break section 3 (none, more than 4, the
   *     first not by the statement's key, a key twice): code that signs never builds such a thing
   */
  public static SignedSubmission of(
      Statement statement, List<StatementSignature> signatures, List<Disclosure> disclosures) {
    String problem = signatureProblem(statement, signatures);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new SignedSubmission(statement, signatures, disclosures);
  }

  /**
   * Reads a submission from its JSON text, strictly: any JSON spelling of a valid submission.
   *
   * @param where the file (and line) it came from, for messages
   */
  public static SignedSubmission parse(byte[] json, String where) throws InputFormatException {
    JsonNode node;
    try {
      node = CanonicalJson.parse(json);
    } catch (JsonParseException e) {
      throw new InputFormatException(where, "not JSON: " + e.getMessage(), e);
    }
    return fromJson(node, where);
  }

  /** Reads a submission from a JSON tree; see {@link #parse}. */
  public static SignedSubmission fromJson(JsonNode node, String where) throws InputFormatException {
    if (!node.isObject()) {
      throw new InputFormatException(
          where, "a submission is a JSON object {\"statement\", \"signatures\", \"disclosures\"}");
    }
    for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        throw new InputFormatException(
            where, "unknown member \"" + name + "\"; a submission has " + MEMBERS);
      }
    }
    JsonNode st = node.get("statement");
    if (st == null) {
      throw new InputFormatException(where, "the member \"statement\" is missing");
    }
    Statement statement;
    try {
      statement = Statement.fromTree(st, "/statement");
    } catch (EntryFormatException e) {
      throw new InputFormatException(where, e.getMessage(), e);
    }
    JsonNode sigs = node.get("signatures");
    if (sigs == null || !sigs.isArray() || sigs.isEmpty() || sigs.size() > MAX_SIGNATURES) {
      throw new InputFormatException(
          where, "/signatures must be an array of 1 to " + MAX_SIGNATURES + " signatures");
    }
    List<StatementSignature> signatures = new ArrayList<>();
    for (int i = 0; i < sigs.size(); i++) {
      signatures.add(signature(sigs.get(i), where, "/signatures/" + i));
    }
    String problem = signatureProblem(statement, signatures);
    if (problem != null) {
      throw new InputFormatException(where, problem);
    }
    List<Disclosure> disclosures = new ArrayList<>();
    JsonNode ds = node.get("disclosures");
    if (ds != null) {
      if (!ds.isArray()) {
        throw new InputFormatException(where, "/disclosures must be an array of strings");
      }
      for (int i = 0; i < ds.size(); i++) {
        JsonNode d = ds.get(i);
        if (!d.isString()) {
          throw new InputFormatException(where, "/disclosures/" + i + " must be a string");
        }
        try {
          disclosures.add(Disclosure.parse(d.asString()));
        } catch (ParseException e) {
          throw new InputFormatException(where, "/disclosures/" + i + ": " + e.getMessage(), e);
        }
      }
    }
    return new SignedSubmission(statement, signatures, disclosures);
  }

  private static StatementSignature signature(JsonNode s, String where, String at)
      throws InputFormatException {
    if (!s.isObject() || s.size() != 2 || !s.has("key") || !s.has("sig")) {
      throw new InputFormatException(where, at + " must be {\"key\": <key id>, \"sig\": <base64>}");
    }
    KeyId key;
    try {
      key = KeyId.parse(s.get("key").isString() ? s.get("key").asString() : "");
    } catch (ParseException e) {
      throw new InputFormatException(where, at + "/key: " + e.getMessage(), e);
    }
    byte[] sig = decodeSignature(s.get("sig").isString() ? s.get("sig").asString() : "");
    if (sig == null) {
      throw new InputFormatException(
          where,
          at
              + "/sig must be the padded standard base64 of a 64-byte Ed25519 signature (88 characters)");
    }
    return StatementSignature.of(key, sig);
  }

  /** The 64 signature bytes of canonical padded base64, or null. */
  static byte[] decodeSignature(String base64) {
    try {
      byte[] b = Base64.getDecoder().decode(base64);
      if (b.length != StatementSignature.SIGNATURE_BYTES
          || !Base64.getEncoder().encodeToString(b).equals(base64)) {
        return null;
      }
      return b;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String signatureProblem(Statement statement, List<StatementSignature> sigs) {
    if (sigs.isEmpty() || sigs.size() > MAX_SIGNATURES) {
      return "a statement has 1 to " + MAX_SIGNATURES + " signatures, got " + sigs.size();
    }
    if (!sigs.get(0).key().equals(statement.key())) {
      return "the first signature must be by the statement's key "
          + statement.key().hex()
          + ", got one by "
          + sigs.get(0).key().hex();
    }
    Set<KeyId> seen = new HashSet<>();
    for (StatementSignature s : sigs) {
      if (!seen.add(s.key())) {
        return "key " + s.key().hex() + " signs twice";
      }
    }
    return null;
  }

  /** The signed statement. */
  public Statement statement() {
    return statement;
  }

  /** The signatures, the statement's own key first. */
  public List<StatementSignature> signatures() {
    return signatures;
  }

  /** The disclosures of the personal fields the body commits; personal data. */
  public List<Disclosure> disclosures() {
    return disclosures;
  }

  /** The submission as a JSON tree, as docs/protocol.md section 3 defines it. */
  public ObjectNode toJson() {
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
    return json;
  }

  /** The request body: the canonical JSON of {@link #toJson()}, one line, no newline. */
  public byte[] canonicalBytes() {
    return CanonicalJson.canonicalize(toJson());
  }

  /**
   * The entry the ledger appends for this submission at {@code index}, after the entry whose leaf
   * hash is {@code prev}, at {@code recordedAt}: what a receipt must name.
   */
  public Entry entry(long index, Hash prev, Instant recordedAt) {
    return Entry.create(index, prev, recordedAt, statement, signatures);
  }

  /** Names the statement only: the disclosures hold personal data. */
  @Override
  public String toString() {
    return "SignedSubmission("
        + statement.type()
        + " "
        + statement.subject()
        + " by "
        + statement.agency()
        + ", "
        + signatures.size()
        + " signatures, "
        + disclosures.size()
        + " disclosures)";
  }
}
