package id.saksi.api.write;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.disclosure.DisclosureFormatException;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.ledger.PersonalData;
import id.saksi.core.domain.ledger.PersonalDataException;
import id.saksi.core.domain.ledger.RecordType;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.InvalidValueException;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads submissions (docs/protocol.md): the request body with the core's strict JSON reader, the
 * statement with the core's envelope rules, the record with the domain's schema, and the
 * disclosures against the body's commitments. Every failure is a {@link Problem} that names the
 * field (a JSON Pointer) and never the personal value.
 *
 * <p>Stateless and thread-safe: it runs on request threads, before the ledger's lock.
 */
public final class SubmissionParser {
  private static final Set<String> SUBMISSION_FIELDS =
      Set.of("statement", "signatures", "disclosures");
  private static final Set<String> SIGNATURE_FIELDS = Set.of("key", "sig");
  private static final Set<String> BATCH_FIELDS = Set.of("items");

  private final int maxDisclosures;
  private final int maxBatchItems;

  /**
   * A parser with these bounds.
   *
   * @param maxDisclosures most disclosures beside one statement
   * @param maxBatchItems most statements in one batch
   */
  public SubmissionParser(int maxDisclosures, int maxBatchItems) {
    this.maxDisclosures = maxDisclosures;
    this.maxBatchItems = maxBatchItems;
  }

  /** Reads the body of {@code POST /statements}. */
  public SignedStatement parseSingle(byte[] body) {
    JsonNode root = parseJson(body);
    try {
      return item(root, "");
    } catch (ItemException e) {
      throw new ProblemException(e.problem);
    }
  }

  /**
   * Reads the body of {@code POST /statements/batch}: {@code {"items":[...]}}. A malformed body or
   * too many items fails the whole request; a malformed item is a problem of that item only.
   *
   * @return one entry per item, in order: a {@link SignedStatement} or the item's {@link Problem}
   */
  public List<Object> parseBatch(byte[] body) {
    JsonNode root = parseJson(body);
    if (!root.isObject()) {
      throw malformed("", "must be a JSON object {\"items\":[...]}, got " + kind(root));
    }
    Iterator<String> names = root.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!BATCH_FIELDS.contains(name)) {
        throw malformed("/" + name, "is not a field of a batch; remove it");
      }
    }
    JsonNode items = root.get("items");
    if (items == null || !items.isArray()) {
      throw malformed("/items", "must be an array of submissions, got " + kind(items));
    }
    if (items.isEmpty()) {
      throw malformed("/items", "is empty; send 1 to " + maxBatchItems + " submissions");
    }
    if (items.size() > maxBatchItems) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.TOO_LARGE,
                  "the batch holds "
                      + items.size()
                      + " submissions; at most "
                      + maxBatchItems
                      + " are accepted in one request: split it")
              .with("field", "/items")
              .with("limit", maxBatchItems));
    }
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        out.add(item(items.get(i), "/items/" + i));
      } catch (ItemException e) {
        out.add(e.problem);
      }
    }
    return out;
  }

  private static JsonNode parseJson(byte[] body) {
    try {
      return CanonicalJson.parse(body);
    } catch (JsonParseException e) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.MALFORMED_JSON,
                  "the body is not strict JSON: " + e.getMessage() + "; send UTF-8 JSON")
              .with("byteOffset", e.byteOffset()));
    }
  }

  private SignedStatement item(JsonNode n, String at) throws ItemException {
    if (!n.isObject()) {
      throw itemMalformed(at, "must be a JSON object with statement and signatures");
    }
    Iterator<String> names = n.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!SUBMISSION_FIELDS.contains(name)) {
        throw itemMalformed(at + "/" + name, "is not a field of a submission; remove it");
      }
    }
    JsonNode statementNode = n.get("statement");
    if (statementNode == null) {
      throw itemMalformed(at + "/statement", "is missing");
    }
    Statement statement;
    try {
      statement = Statement.fromTree(statementNode, at + "/statement");
    } catch (EntryFormatException e) {
      throw new ItemException(
          Problem.of(ProblemType.MALFORMED_STATEMENT, e.getMessage()).with("field", e.field()));
    }
    List<StatementSignature> signatures = signatures(n.get("signatures"), at + "/signatures");
    List<Disclosure> disclosures = disclosures(n.get("disclosures"), at + "/disclosures");
    return check(statement, signatures, disclosures, at);
  }

  /**
   * Checks a statement built in code (the service's own genesis, a client's) as a submission is
   * checked.
   *
   * @throws ProblemException naming what is wrong
   */
  public static SignedStatement check(
      Statement statement, List<StatementSignature> signatures, List<Disclosure> disclosures) {
    try {
      return check(statement, signatures, disclosures, "");
    } catch (ItemException e) {
      throw new ProblemException(e.problem);
    }
  }

  private static SignedStatement check(
      Statement statement,
      List<StatementSignature> signatures,
      List<Disclosure> disclosures,
      String at)
      throws ItemException {
    AgencyCode agency;
    try {
      agency = AgencyCode.parse(statement.agency());
    } catch (InvalidValueException e) {
      throw new ItemException(
          Problem.of(ProblemType.MALFORMED_STATEMENT, at + "/statement/agency: " + e.getMessage())
              .with("field", at + "/statement/agency"));
    }
    if (signatures.isEmpty() || !signatures.get(0).key().equals(statement.key())) {
      throw itemMalformed(
          at + "/signatures/0/key",
          "the first signature must be by the statement's own key " + statement.key());
    }
    ParsedRecord record;
    try {
      record = DomainModel.parse(statement.type(), statement.subject(), statement.body());
    } catch (RecordParseException e) {
      throw new ItemException(
          Problem.of(ProblemType.INVALID_RECORD, e.getMessage())
              .with("field", recordField(statement, e.field(), at)));
    }
    try {
      PersonalData.check(record, disclosures, true);
    } catch (PersonalDataException e) {
      throw new ItemException(
          Problem.of(ProblemType.PERSONAL_DATA, e.getMessage())
              .with("field", at + "/statement/body/" + pointer(e.field())));
    }
    return new SignedStatement(
        statement,
        agency,
        signatures,
        disclosures,
        record,
        Hashing.sha256(statement.canonicalBytes()),
        false);
  }

  /**
   * The JSON Pointer of a field the domain names: the statement's type or subject when those are at
   * fault (the domain checks them first), else a path in the body.
   */
  private static String recordField(Statement statement, String field, String at) {
    if (RecordType.of(statement.type()).isEmpty()) {
      return at + "/statement/type";
    }
    if (field.equals("subject")) {
      try {
        Subject subject = Subject.parse(statement.subject());
        if (subject.kind() != RecordType.of(statement.type()).orElseThrow().aggregate()) {
          return at + "/statement/subject";
        }
      } catch (RecordParseException e) {
        return at + "/statement/subject";
      }
    }
    return field.equals("body") ? at + "/statement/body" : at + "/statement/body/" + pointer(field);
  }

  /** A field path of the domain ({@code reported.nip}, {@code witnesses[1]}) as a JSON Pointer. */
  private static String pointer(String field) {
    return field.replace('.', '/').replace("[", "/").replace("]", "");
  }

  private static List<StatementSignature> signatures(JsonNode n, String at) throws ItemException {
    if (n == null || !n.isArray()) {
      throw itemMalformed(at, "must be an array of {\"key\",\"sig\"}, got " + kind(n));
    }
    if (n.isEmpty() || n.size() > Entry.MAX_SIGNATURES) {
      throw itemMalformed(
          at,
          "holds "
              + n.size()
              + " signatures; give 1 to "
              + Entry.MAX_SIGNATURES
              + ", the statement's own key first");
    }
    List<StatementSignature> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      String p = at + "/" + i;
      JsonNode s = n.get(i);
      if (!s.isObject()) {
        throw itemMalformed(p, "must be an object {\"key\",\"sig\"}, got " + kind(s));
      }
      Iterator<String> names = s.propertyNames().iterator();
      while (names.hasNext()) {
        String name = names.next();
        if (!SIGNATURE_FIELDS.contains(name)) {
          throw itemMalformed(p + "/" + name, "is not a field of a signature; remove it");
        }
      }
      JsonNode key = s.get("key");
      JsonNode sig = s.get("sig");
      if (key == null || !key.isString()) {
        throw itemMalformed(p + "/key", "must be the signing key's id, 64 hex digits");
      }
      KeyId keyId;
      try {
        keyId = KeyId.parse(key.stringValue());
      } catch (ParseException e) {
        throw itemMalformed(p + "/key", e.getMessage());
      }
      if (sig == null || !sig.isString() || sig.stringValue().length() > 88) {
        throw itemMalformed(p + "/sig", "must be the padded base64 of a 64-byte Ed25519 signature");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(sig.stringValue());
      } catch (IllegalArgumentException e) {
        throw itemMalformed(p + "/sig", "is not standard base64: " + e.getMessage());
      }
      if (bytes.length != StatementSignature.SIGNATURE_BYTES
          || !Base64.getEncoder().encodeToString(bytes).equals(sig.stringValue())) {
        throw itemMalformed(p + "/sig", "must be the padded base64 of a 64-byte Ed25519 signature");
      }
      for (StatementSignature earlier : out) {
        if (earlier.key().equals(keyId)) {
          throw itemMalformed(p + "/key", "repeats the key of an earlier signature");
        }
      }
      out.add(StatementSignature.of(keyId, bytes));
    }
    return out;
  }

  private List<Disclosure> disclosures(JsonNode n, String at) throws ItemException {
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      throw itemMalformed(at, "must be an array of disclosure strings, got " + kind(n));
    }
    if (n.size() > maxDisclosures) {
      throw itemMalformed(
          at, "holds " + n.size() + " disclosures; at most " + maxDisclosures + " are accepted");
    }
    List<Disclosure> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode d = n.get(i);
      if (!d.isString()) {
        throw itemMalformed(at + "/" + i, "must be a disclosure string, got " + kind(d));
      }
      try {
        out.add(Disclosure.parse(d.stringValue()));
      } catch (DisclosureFormatException e) {
        throw new ItemException(
            Problem.of(ProblemType.PERSONAL_DATA, at + "/" + i + ": " + e.getMessage())
                .with("field", at + "/" + i));
      }
    }
    return out;
  }

  private static ProblemException malformed(String field, String problem) {
    return new ProblemException(
        Problem.of(
                ProblemType.MALFORMED_SUBMISSION,
                (field.isEmpty() ? "the body" : field) + " " + problem)
            .with("field", field));
  }

  private static ItemException itemMalformed(String field, String problem) {
    return new ItemException(
        Problem.of(
                ProblemType.MALFORMED_SUBMISSION,
                (field.isEmpty() ? "the body" : field) + " " + problem)
            .with("field", field));
  }

  private static String kind(JsonNode n) {
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
    return n.isArray() ? "an array" : "an object";
  }

  /** A problem with one submission, which in a batch refuses that item only. */
  private static final class ItemException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ItemException(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }
}
