package id.saksi.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.ChainVerifier;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.Statements;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.ConsistencyProof;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.InclusionProof;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.TlogProof;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/format.md's worked example: rebuilds every file of docs/example from fixed keys and times
 * and checks it byte for byte, and checks that the values format.md quotes are the real ones.
 *
 * <p>To rewrite the files after a deliberate format change: {@code ./mvnw -pl ledger-core test
 * -Dtest=FormatExampleTest -Dsaksi.writeExample=true}, then update format.md's quoted values.
 */
class FormatExampleTest {
  static final Path EXAMPLE = Path.of("..", "docs", "example");
  static final Path FORMAT_MD = Path.of("..", "docs", "format.md");
  static final String ORIGIN = "saksi.example/log";

  // RFC 8032 section 7.1 TEST 1 and TEST 2 secret keys, and RFC 8410 section 10.3's private key:
  // published test keys, so that anyone can re-sign the example.
  static final Ed25519PrivateKey REGISTRAR =
      seed("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  static final Ed25519PrivateKey BAWASLU =
      seed("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
  static final Ed25519PrivateKey LOG =
      seed("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842");

  static Ed25519PrivateKey seed(String hex) {
    return Ed25519PrivateKey.fromSeed(HexFormat.of().parseHex(hex));
  }

  /** The example's files, in order, name to bytes. */
  static Map<String, byte[]> build() throws Exception {
    JsonNodeFactory f = JsonNodeFactory.instance;
    KeyId registrar = KeyId.of(REGISTRAR.publicKey());
    ObjectNode genesis =
        f.objectNode()
            .put("code", "REGISTRAR")
            .put("name", "Registrar Saksi")
            .put("publicKey", REGISTRAR.publicKey().base64());
    ObjectNode agency =
        f.objectNode()
            .put("code", "BAWASLU")
            .put("name", "Badan Pengawas Pemilihan Umum")
            .put("kind", "BAWASLU")
            .put("ppk", true);
    ObjectNode key =
        f.objectNode().put("agency", "BAWASLU").put("publicKey", BAWASLU.publicKey().base64());
    List<Statement> statements =
        List.of(
            Statement.create(
                "registry.genesis",
                "REGISTRAR",
                registrar,
                "registry",
                Instant.parse("2024-09-02T01:00:00Z"),
                "Z2VuZXNpcy1vZi10aGUtZXhhbXBsZQ",
                genesis),
            Statement.create(
                "agency.registered",
                "REGISTRAR",
                registrar,
                "registry",
                Instant.parse("2024-09-02T01:05:00Z"),
                "YmF3YXNsdS1yZWdpc3RlcmVk",
                agency),
            Statement.create(
                "key.added",
                "REGISTRAR",
                registrar,
                "registry",
                Instant.parse("2024-09-02T01:06:00Z"),
                "YmF3YXNsdS1rZXktYWRkZWQ",
                key));

    List<Entry> entries = new ArrayList<>();
    MerkleTree tree = MerkleTree.create(new InMemoryHashStore());
    Hash prev = Hash.ZERO;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      Entry e =
          Entry.create(
              i,
              prev,
              Instant.parse("2024-09-02T01:00:00.250Z").plusSeconds(400L * i),
              s,
              List.of(Statements.sign(s, REGISTRAR)));
      entries.add(e);
      tree.append(e.leafHash());
      prev = e.leafHash();
    }

    NoteSigner log = NoteSigner.of(ORIGIN, LOG);
    byte[] checkpoint3 = Checkpoints.sign(new Checkpoint(ORIGIN, 3, tree.root(3)), log);
    byte[] checkpoint2 = Checkpoints.sign(new Checkpoint(ORIGIN, 2, tree.root(2)), log);
    InclusionProof inclusion = tree.inclusionProof(1, 3);
    ConsistencyProof consistency = tree.consistencyProof(2, 3);

    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("log.vkey", (log.verifierKey().encode() + "\n").getBytes(UTF_8));
    files.put("registrar.pub", (REGISTRAR.publicKey().base64() + "\n").getBytes(UTF_8));
    files.put("bawaslu.pub", (BAWASLU.publicKey().base64() + "\n").getBytes(UTF_8));
    files.put("statement-1.json", statements.get(1).canonicalBytes());
    files.put(
        "statement-1.sig",
        (entries.get(1).signatures().get(0).signatureBase64() + "\n").getBytes(UTF_8));
    StringBuilder jsonl = new StringBuilder();
    for (Entry e : entries) {
      jsonl.append(new String(e.leafBytes(), UTF_8)).append('\n');
    }
    files.put("entries.jsonl", jsonl.toString().getBytes(UTF_8));
    files.put("checkpoint-2", checkpoint2);
    files.put("checkpoint-3", checkpoint3);
    files.put("entry-1.tlog-proof", TlogProof.of(1, inclusion.path(), checkpoint3).encode());
    StringBuilder cons = new StringBuilder();
    for (Hash h : consistency.path()) {
      cons.append(h.base64()).append('\n');
    }
    files.put("consistency-2-3", cons.toString().getBytes(UTF_8));
    files.put("receipt-2", Receipts.sign(Receipt.forEntry(ORIGIN, entries.get(2)), log));
    return files;
  }

  @Test
  void exampleFiles_areExactlyWhatTheCodeProduces() throws Exception {
    Map<String, byte[]> files = build();
    if (Boolean.getBoolean("saksi.writeExample")) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(EXAMPLE.resolve(f.getKey()), f.getValue());
      }
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertThat(Files.readAllBytes(EXAMPLE.resolve(f.getKey())))
          .as("docs/example/%s", f.getKey())
          .isEqualTo(f.getValue());
    }
  }

  @Test
  void exampleLedger_isValid() throws Exception {
    List<Entry> entries = new ArrayList<>();
    for (String line : lines("entries.jsonl")) {
      entries.add(Entry.parse(line.getBytes(UTF_8)));
    }
    ChainVerifier chain = ChainVerifier.fromGenesis();
    LedgerState state = new LedgerState();
    for (Entry e : entries) {
      chain.append(e);
      Statement s = e.statement();
      Submission sub =
          new Submission(
              Position.of(e.index()),
              s.type(),
              AgencyCode.parse(s.agency()),
              s.key(),
              s.subject(),
              s.issuedAt(),
              s.body());
      Statements.verify(s, e.signatures().get(0), state.signingKey(sub));
      assertThat(state.apply(sub).rejection()).isEmpty();
    }
    Checkpoint cp =
        TlogProof.parse(Files.readAllBytes(EXAMPLE.resolve("entry-1.tlog-proof")))
            .verify(entries.get(1).leafHash(), NoteSigner.of(ORIGIN, LOG).verifierKey(), ORIGIN);
    assertThat(cp.size()).isEqualTo(3);
  }

  @Test
  void formatMd_quotesTheExampleValues() throws Exception {
    String md = Files.readString(FORMAT_MD, UTF_8);
    Map<String, byte[]> files = build();
    List<String> quoted = new ArrayList<>();
    for (String line : lines("entries.jsonl")) {
      Entry e = Entry.parse(line.getBytes(UTF_8));
      quoted.add(e.leafHash().hex());
    }
    quoted.add(new String(files.get("log.vkey"), UTF_8).trim());
    quoted.add(new String(files.get("statement-1.sig"), UTF_8).trim());
    quoted.add(new String(files.get("statement-1.json"), UTF_8));
    quoted.add(new String(files.get("checkpoint-3"), UTF_8));
    quoted.add(new String(files.get("entry-1.tlog-proof"), UTF_8));
    quoted.add(new String(files.get("consistency-2-3"), UTF_8));
    quoted.add(new String(files.get("receipt-2"), UTF_8));
    for (String q : quoted) {
      assertThat(md).as("docs/format.md quotes").contains(q);
    }
  }

  private static List<String> lines(String name) throws IOException {
    return Files.readAllLines(EXAMPLE.resolve(name), UTF_8);
  }
}
