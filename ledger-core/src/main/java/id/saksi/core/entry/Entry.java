package id.saksi.core.entry;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalDocument;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.json.NotCanonicalException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record of the ledger: a signed statement at a dense position, linked to the entry before.
 *
 * <p>Its leaf bytes are the RFC 8785 canonical JSON of (docs/format.md, "Entry"):
 *
 * <pre>
 * {"index":N,"prev":"<hex leaf hash of entry N-1, or 64 zeros>","recordedAt":"..Z",
 *  "signatures":[{"key":..,"sig":..}],"statement":{..}}
 * </pre>
 *
 * <p>The leaf hash, SHA-256(0x00 || leaf bytes), is both the next entry's {@code prev} and the
 * Merkle tree's leaf. Immutable.
 */
public final class Entry {
  /** Bound on the number of signatures on one statement. */
  public static final int MAX_SIGNATURES = 4;

  /** Bound on an entry's leaf bytes: a maximal statement plus its envelope and signatures. */
  public static final int MAX_BYTES = Statement.MAX_BYTES + 4096;

  private static final Set<String> FIELDS =
      Set.of("index", "prev", "recordedAt", "signatures", "statement");
  private static final Set<String> SIGNATURE_FIELDS = Set.of("key", "sig");

  private final long index;
  private final Hash prev;
  private final Instant recordedAt;
  private final Statement statement;
  private final List<StatementSignature> signatures;
  private final byte[] leafBytes;
  private final Hash leafHash;

  private Entry(
      long index,
      Hash prev,
      Instant recordedAt,
      Statement statement,
      List<StatementSignature> signatures,
      byte[] leafBytes) {
    this.index = index;
    this.prev = prev;
    this.recordedAt = recordedAt;
    this.statement = statement;
    this.signatures = signatures;
    this.leafBytes = leafBytes;
    this.leafHash = Hashing.leafHash(leafBytes);
  }

  /**
   * Builds the entry the ledger appends at {@code index}. {@code recordedAt} is truncated to
   * milliseconds, the precision the format keeps.
   *
   * @throws IllegalArgumentException if the signatures break the format's rules (none, too many, or
   *     the first not by the statement's key) or index 0 does not follow 32 zero bytes: the caller
   *     checks submissions before building entries, so this is a bug
   */
  public static Entry create(
      long index,
      Hash prev,
      Instant recordedAt,
      Statement statement,
      List<StatementSignature> signatures) {
    if (index < 0 || index > Fields.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("index out of range: " + index);
    }
    try {
      checkSignatures(signatures, statement, "/signatures");
    } catch (EntryFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Instant at = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    List<StatementSignature> sigs = List.copyOf(signatures);
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("index", index);
    t.put("prev", prev.hex());
    t.put("recordedAt", Timestamps.millis(at));
    ArrayNode arr = t.putArray("signatures");
    for (StatementSignature s : sigs) {
      arr.addObject().put("key", s.key().hex()).put("sig", s.signatureBase64());
    }
    t.set("statement", statement.toTree());
    byte[] leaf = CanonicalJson.canonicalize(t);
    if (leaf.length > MAX_BYTES) {
      throw new IllegalArgumentException("entry of " + leaf.length + " bytes exceeds " + MAX_BYTES);
    }
    return new Entry(index, prev, at, statement, sigs, leaf);
  }

  /**
   * Reads an entry from its leaf bytes, which must be exactly canonical.
   *
   * @throws JsonParseException if the bytes are not strict JSON
   * @throws NotCanonicalException if they are JSON but not byte for byte canonical
   * @throws EntryFormatException if they are canonical JSON but not an entry
   */
  public static Entry parse(byte[] leafBytes)
      throws JsonParseException, NotCanonicalException, EntryFormatException {
    if (leafBytes.length > MAX_BYTES) {
      throw new EntryFormatException(
          "", "is " + leafBytes.length + " bytes; an entry is at most " + MAX_BYTES);
    }
    CanonicalDocument doc = CanonicalJson.readCanonical(leafBytes);
    JsonNode t = doc.tree();
    Fields.requireExactly(t, "", FIELDS);
    long index = Fields.nonNegativeInteger(t, "", "index");
    Hash prev = Fields.hexHash(t, "", "prev");
    Instant recordedAt = Fields.timestamp(t, "", "recordedAt", true);
    // The statement's signed bytes are its member's bytes in the canonical leaf; the tree is this
    // method's own, so the statement takes its subtree without a copy.
    Statement statement =
        Statement.fromOwnedTree(t.get("statement"), "/statement", doc.memberBytes("statement"));
    JsonNode sigs = t.get("signatures");
    if (!sigs.isArray()) {
      throw new EntryFormatException("/signatures", "must be an array, got " + Fields.kind(sigs));
    }
    List<StatementSignature> signatures = new ArrayList<>();
    for (int i = 0; i < sigs.size() && i <= MAX_SIGNATURES; i++) {
      signatures.add(signature(sigs.get(i), "/signatures/" + i));
    }
    checkSignatures(signatures, statement, "/signatures");
    return new Entry(
        index, prev, recordedAt, statement, List.copyOf(signatures), leafBytes.clone());
  }

  private static StatementSignature signature(JsonNode n, String at) throws EntryFormatException {
    Fields.requireExactly(n, at, SIGNATURE_FIELDS);
    KeyId key;
    try {
      key = KeyId.parse(Fields.text(n, at, "key", 64));
    } catch (ParseException e) {
      throw new EntryFormatException(at + "/key", e.getMessage());
    }
    String b64 = Fields.text(n, at, "sig", 88);
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new EntryFormatException(at + "/sig", "is not standard base64: " + e.getMessage());
    }
    if (sig.length != StatementSignature.SIGNATURE_BYTES
        || !Base64.getEncoder().encodeToString(sig).equals(b64)) {
      throw new EntryFormatException(
          at + "/sig", "must be the padded base64 of a 64-byte Ed25519 signature");
    }
    return StatementSignature.of(key, sig);
  }

  private static void checkSignatures(List<StatementSignature> sigs, Statement statement, String at)
      throws EntryFormatException {
    if (sigs.isEmpty()) {
      throw new EntryFormatException(at, "must hold at least the signature of the statement's key");
    }
    if (sigs.size() > MAX_SIGNATURES) {
      throw new EntryFormatException(at, "holds more than " + MAX_SIGNATURES + " signatures");
    }
    if (!sigs.get(0).key().equals(statement.key())) {
      throw new EntryFormatException(
          at + "/0/key",
          "the first signature must be by the statement's own key " + statement.key());
    }
    for (int i = 1; i < sigs.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (sigs.get(i).key().equals(sigs.get(j).key())) {
          throw new EntryFormatException(
              at + "/" + i + "/key", "repeats the key of signature " + j);
        }
      }
    }
  }

  /** Position in the ledger, counted from 0, dense. */
  public long index() {
    return index;
  }

  /** Leaf hash of the entry before, or {@link Hash#ZERO} for entry 0. */
  public Hash prev() {
    return prev;
  }

  /** When the ledger appended the entry, to the millisecond. */
  public Instant recordedAt() {
    return recordedAt;
  }

  /** The signed statement. */
  public Statement statement() {
    return statement;
  }

  /** The signatures over the statement; the first is by the statement's own key. */
  public List<StatementSignature> signatures() {
    return signatures;
  }

  /** The leaf bytes: JCS of the entry. A copy. */
  public byte[] leafBytes() {
    return leafBytes.clone();
  }

  /** SHA-256(0x00 || leaf bytes), RFC 6962 section 2.1. */
  public Hash leafHash() {
    return leafHash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry && ((Entry) o).leafHash.equals(leafHash);
  }

  @Override
  public int hashCode() {
    return leafHash.hashCode();
  }

  @Override
  public String toString() {
    return "entry " + index + " (" + statement + ")";
  }
}
