package id.saksi.core.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.registry.KeyNotValidException;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import id.saksi.core.export.DisclosureLine;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.ExportWriter;
import id.saksi.core.export.RangeProof;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.TlogProof;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real, signed ledger for tests: entries made with {@link Entry#create} from statements signed
 * with {@link Statements#sign}, a Merkle tree over their leaf hashes, checkpoints signed with a log
 * key ({@link Checkpoints#sign}), receipts, inclusion and range proofs, and export bundles.
 *
 * <p>Every agency signs with its deterministic test key {@code TestLedger.privateKey(AGENCY#1)},
 * the key the domain fixtures register, unless a test gives it another ({@link #useKey}). By
 * default each record is replayed through the domain ({@link LedgerState}) and its key checked at
 * its position before it is appended, so the ledger is legal; {@link #appendUnchecked} appends what
 * a dishonest operator would (a record breaking a rule, a revoked key), still chained, committed to
 * the tree and covered by the log's checkpoints.
 *
 * <p>Times are fixed: entry {@code i} is recorded at {@link #RECORDED_BASE} plus {@code i} seconds,
 * and nonces derive from the index, so the same calls give the same bytes. Not thread-safe.
 */
public final class SignedLedgerBuilder {
  /** The log's origin and the name of its key. */
  public static final String ORIGIN = "saksi.example/log";

  /** When entry 0 is recorded. */
  public static final Instant RECORDED_BASE = Instant.parse("2026-12-30T01:00:00Z");

  /** The fixed creation time of the exports this builder writes. */
  public static final Instant CREATED = Instant.parse("2026-12-31T00:00:00Z");

  private static final String WHOLE_CASE = "/domain/examples/whole-case.jsonl";

  private final NoteSigner logSigner;
  private final LedgerState state = new LedgerState();
  private final List<Entry> entries = new ArrayList<>();
  private final InMemoryHashStore store = new InMemoryHashStore();
  private final MerkleTree tree = MerkleTree.create(store);
  private final Map<String, Ed25519PrivateKey> keys = new HashMap<>();
  private final Map<Long, List<Disclosure>> disclosures = new TreeMap<>();

  private SignedLedgerBuilder(NoteSigner logSigner) {
    this.logSigner = logSigner;
  }

  /** An empty ledger whose log signs with the test log key. */
  public static SignedLedgerBuilder empty() {
    return new SignedLedgerBuilder(logSigner("LOG"));
  }

  /** The signer of a test log key made from {@code seed}, named {@link #ORIGIN}. */
  public static NoteSigner logSigner(String seed) {
    return NoteSigner.of(ORIGIN, TestLedger.privateKey(seed));
  }

  /**
   * The example ledger of the domain fixtures ({@code whole-case.jsonl}), signed: genesis,
   * catalogue v1, fourteen agencies with their keys, Metro's circular and one case from report to
   * closure; 45 entries.
   */
  public static SignedLedgerBuilder wholeCase() {
    return wholeCase(45);
  }

  /** The first {@code count} entries of {@link #wholeCase()}. */
  public static SignedLedgerBuilder wholeCase(int count) {
    SignedLedgerBuilder b = empty();
    JsonMapper json = JsonMapper.builder().build();
    List<String> lines;
    try (InputStream in = SignedLedgerBuilder.class.getResourceAsStream(WHOLE_CASE)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + WHOLE_CASE + " not found");
      }
      lines = new String(in.readAllBytes(), UTF_8).lines().limit(count).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines) {
      JsonNode n = json.readTree(line);
      b.append(
          n.get("agency").stringValue(),
          n.get("type").stringValue(),
          n.get("subject").stringValue(),
          n.get("body"),
          Instant.parse(n.get("issuedAt").stringValue()));
    }
    return b;
  }

  /**
   * A small ledger for exhaustive tamper tests: the genesis, one agency with its key, and a second
   * agency with its key; five entries of a few hundred bytes.
   */
  public static SignedLedgerBuilder small() {
    SignedLedgerBuilder b = empty();
    b.append(
        "REGISTRAR",
        "registry.genesis",
        "registry",
        J("code", "REGISTRAR", "name", "Registrar Saksi", "publicKey", publicKey("REGISTRAR")));
    b.registerAgency("BAWASLU", "BAWASLU", true);
    b.registerAgency("BKN", "BKN", true);
    return b;
  }

  /** Registers an agency (kind as in the domain's {@code AgencyKind}) and adds its test key. */
  public void registerAgency(String code, String kind, boolean ppk) {
    append(
        "REGISTRAR",
        "agency.registered",
        "registry",
        J("code", code, "name", "The " + code, "kind", kind, "ppk", ppk));
    append("REGISTRAR", "key.added", "registry", J("agency", code, "publicKey", publicKey(code)));
  }

  /** Base64 of the public key of {@code TestLedger.privateKey(agency + "#1")}. */
  public static String publicKey(String agency) {
    return TestLedger.key(agency + "#1").base64();
  }

  /** A JSON object from alternating names and values (strings, numbers, booleans, nodes). */
  public static JsonNode J(Object... kv) {
    return id.saksi.core.domain.testing.J.o(kv);
  }

  /** From now on {@code agency} signs with {@code key}. */
  public void useKey(String agency, Ed25519PrivateKey key) {
    keys.put(agency, key);
  }

  /** The key {@code agency} signs with now. */
  public Ed25519PrivateKey keyOf(String agency) {
    return keys.computeIfAbsent(agency, a -> TestLedger.privateKey(a + "#1"));
  }

  /**
   * Appends a record signed by {@code agency}, issued at {@link TestLedger#LATE}; it must be legal.
   */
  public Entry append(String agency, String type, String subject, JsonNode body) {
    return append(agency, type, subject, body, TestLedger.LATE);
  }

  /** Appends a record signed by {@code agency}, issued at {@code issuedAt}; it must be legal. */
  public Entry append(String agency, String type, String subject, JsonNode body, Instant issuedAt) {
    Ed25519PrivateKey key = keyOf(agency);
    Statement s = statement(agency, type, subject, body, issuedAt, KeyId.of(key.publicKey()));
    return append(s, List.of(Statements.sign(s, key)), true);
  }

  /**
   * Appends a record signed by {@code agency}'s current key without asking the domain or the key
   * registry: what a dishonest log could append. The registry still learns of it if it is legal.
   */
  public Entry appendUnchecked(String agency, String type, String subject, JsonNode body) {
    Ed25519PrivateKey key = keyOf(agency);
    Statement s =
        statement(agency, type, subject, body, TestLedger.LATE, KeyId.of(key.publicKey()));
    return append(s, List.of(Statements.sign(s, key)), false);
  }

  /** The statement of a record at the next index, with a nonce derived from that index. */
  public Statement statement(
      String agency, String type, String subject, JsonNode body, Instant issuedAt, KeyId key) {
    try {
      return Statement.create(type, agency, key, subject, issuedAt, nonce(entries.size()), body);
    } catch (EntryFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Appends {@code statement} with {@code signatures} as the next entry, chained and committed to
   * the tree. With {@code check}, its key must be valid at its position and the domain must accept
   * it; without, the domain replay is updated only if it would accept.
   */
  public Entry append(Statement statement, List<StatementSignature> signatures, boolean check) {
    long index = entries.size();
    Submission sub = submission(statement, index);
    try {
      if (check) {
        state.signingKey(sub);
      }
      Outcome o = state.apply(sub);
      if (check && !o.accepted()) {
        throw new IllegalStateException(
            "entry " + index + " (" + statement + ") rejected: " + o.rejection().orElseThrow());
      }
    } catch (RecordParseException | KeyNotValidException e) {
      if (check) {
        throw new IllegalStateException("entry " + index + ": " + e.getMessage(), e);
      }
    }
    Hash prev = entries.isEmpty() ? Hash.ZERO : entries.get(entries.size() - 1).leafHash();
    Entry e = Entry.create(index, prev, recordedAt(index), statement, signatures);
    entries.add(e);
    tree.append(e.leafHash());
    return e;
  }

  /** Appends an entry built by the caller (any index, prev or signatures) as the next leaf. */
  public void appendRaw(Entry entry) {
    entries.add(entry);
    tree.append(entry.leafHash());
  }

  /** The domain's facts of {@code s} at {@code index}. */
  public static Submission submission(Statement s, long index) {
    try {
      return new Submission(
          Position.of(index),
          s.type(),
          AgencyCode.parse(s.agency()),
          s.key(),
          s.subject(),
          s.issuedAt(),
          s.body());
    } catch (ParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** When entry {@code index} is recorded. */
  public static Instant recordedAt(long index) {
    return RECORDED_BASE.plusSeconds(index);
  }

  /** The nonce of the statement at {@code index}: 22 base64url characters. */
  public static String nonce(long index) {
    byte[] h = Hashing.sha256(("nonce:" + index).getBytes(UTF_8)).bytes();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
  }

  /** Keeps disclosures of entry {@code index} for exports that include them. */
  public void disclose(long index, List<Disclosure> ds) {
    disclosures.put(index, List.copyOf(ds));
  }

  /** The entries, in order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Number of entries. */
  public long size() {
    return entries.size();
  }

  /** The domain replay of every legal record so far. */
  public LedgerState state() {
    return state;
  }

  /** The log's signer. */
  public NoteSigner logSigner() {
    return logSigner;
  }

  /** The log's verifier key. */
  public NoteVerifierKey logKey() {
    return logSigner.verifierKey();
  }

  /** The checkpoint of the whole ledger, unsigned. */
  public Checkpoint checkpointText() {
    return new Checkpoint(ORIGIN, tree.size(), tree.root());
  }

  /** The signed checkpoint of the whole ledger. */
  public byte[] checkpoint() {
    return checkpoint(tree.size());
  }

  /** The signed checkpoint of the tree of the first {@code size} entries. */
  public byte[] checkpoint(long size) {
    return Checkpoints.sign(new Checkpoint(ORIGIN, size, tree.root(size)), logSigner);
  }

  /** The log's signed receipt of entry {@code index}. */
  public byte[] receipt(long index) {
    return Receipts.sign(Receipt.forEntry(ORIGIN, entries.get((int) index)), logSigner);
  }

  /** The tlog-proof of entry {@code index} against {@code signedCheckpoint} of {@code size}. */
  public TlogProof inclusionProof(long index, long size, byte[] signedCheckpoint) {
    return TlogProof.of(index, tree.inclusionProof(index, size).path(), signedCheckpoint);
  }

  /** The range proof of {@code [start, end)} in the tree of {@code size} entries. */
  public RangeProof rangeProof(long start, long end, long size) {
    List<Hash> left = start == 0 ? List.of() : store.read(CompactRange.frontier(start));
    return new RangeProof(start, end, left, tree.consistencyProof(end, size).path());
  }

  /** The whole ledger as an export bundle, without disclosures. */
  public byte[] export() {
    return export(ExportScope.ledger(), false);
  }

  /**
   * An export bundle of {@code scope} against the checkpoint of the whole ledger. A range or
   * subject export holds, besides its own entries, every registry entry before them, each with its
   * inclusion proof (docs/export.md, "Scopes").
   */
  public byte[] export(ExportScope scope, boolean withDisclosures) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, scope, withDisclosures, checkpoint());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes an export bundle of {@code scope} against {@code signedCheckpoint} to {@code out}. */
  public void write(
      OutputStream out, ExportScope scope, boolean withDisclosures, byte[] signedCheckpoint)
      throws IOException {
    long size = entries.size();
    List<Entry> selected = select(scope, size);
    try (ExportWriter w = new ExportWriter(out, scope, signedCheckpoint, logKey(), CREATED)) {
      if (scope.kind() == ExportScope.Kind.RANGE) {
        w.rangeProof(rangeProof(scope.start(), scope.end(), size));
      }
      for (Entry e : selected) {
        boolean covered =
            scope.kind() == ExportScope.Kind.LEDGER
                || (scope.kind() == ExportScope.Kind.RANGE && e.index() >= scope.start());
        if (!covered) {
          w.inclusionProof(inclusionProof(e.index(), size, signedCheckpoint));
        }
      }
      for (Entry e : selected) {
        w.entry(e);
      }
      if (withDisclosures) {
        for (Entry e : selected) {
          List<Disclosure> ds = disclosures.get(e.index());
          if (ds != null) {
            w.disclosures(new DisclosureLine(e.index(), ds));
          }
        }
      }
    }
  }

  /** Writes the whole-ledger export to {@code path}. */
  public Path writeExport(Path path) throws IOException {
    return writeExport(path, ExportScope.ledger(), false);
  }

  /** Writes an export of {@code scope} to {@code path}. */
  public Path writeExport(Path path, ExportScope scope, boolean withDisclosures)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      write(out, scope, withDisclosures, checkpoint());
    }
    return path;
  }

  private List<Entry> select(ExportScope scope, long size) {
    switch (scope.kind()) {
      case LEDGER:
        return entries.subList(0, (int) size);
      case RANGE:
        {
          List<Entry> out = new ArrayList<>();
          for (Entry e : entries.subList(0, (int) scope.start())) {
            if (e.statement().subject().equals("registry")) {
              out.add(e);
            }
          }
          out.addAll(entries.subList((int) scope.start(), (int) scope.end()));
          return out;
        }
      default:
        {
          long last = -1;
          for (Entry e : entries) {
            if (e.statement().subject().equals(scope.subject())) {
              last = e.index();
            }
          }
          if (last < 0) {
            throw new IllegalArgumentException("no entry of " + scope.subject());
          }
          List<Entry> out = new ArrayList<>();
          for (Entry e : entries.subList(0, (int) last + 1)) {
            String subject = e.statement().subject();
            if (subject.equals(scope.subject()) || subject.equals("registry")) {
              out.add(e);
            }
          }
          return out;
        }
    }
  }
}
