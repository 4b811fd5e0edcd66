package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.entry.Entry;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.LineReader;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.TlogProof;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.testing.LedgerGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-receipts --url} against a stub of the service's read API (JDK HttpServer) serving a
 * generated ledger, honestly and then lying in each way a dishonest service could: another leaf, a
 * proof against another root, a checkpoint signed by another key.
 */
class CheckReceiptsUrlTest {
  private static final long SIZE = 60;
  private static final long AT = 37;

  private static LedgerGenerator.Result generated;
  private static final List<byte[]> LEAVES = new ArrayList<>();
  private static MerkleTree tree;
  private static NoteSigner log;

  @TempDir static Path dir;

  private HttpServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** What the stub serves; tests change it to lie. */
  private byte[] checkpoint;

  private final Map<Long, byte[]> leafOverride = new HashMap<>();
  private byte[] proofCheckpoint;
  private int entryPadding;

  @BeforeAll
  static void generate() throws Exception {
    Path zip = dir.resolve("ledger.zip");
    generated = LedgerGenerator.generate(SIZE, zip, 1, 2);
    log = NoteSigner.of(LedgerGenerator.ORIGIN, LedgerGenerator.key("LOG"));
    tree = MerkleTree.create(new InMemoryHashStore());
    try (ExportReader r = ExportReader.open(zip);
        LineReader lines = r.entries()) {
      LineReader.Line line;
      while ((line = lines.next()) != null) {
        LEAVES.add(line.bytes());
        tree.append(Hashing.leafHash(line.bytes()));
      }
    }
    assertThat(LEAVES).hasSize((int) SIZE);
  }

  @BeforeEach
  void serve() throws IOException {
    checkpoint = generated.checkpoint();
    proofCheckpoint = null;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/checkpoint", x -> answer(x, 200, checkpoint));
    server.createContext(
        "/entries",
        x -> {
          Map<String, Long> q = query(x);
          long start = q.get("start");
          byte[] leaf = leafOverride.getOrDefault(start, LEAVES.get((int) start));
          byte[] body = new byte[leaf.length + 1 + entryPadding];
          System.arraycopy(leaf, 0, body, 0, leaf.length);
          body[leaf.length] = '\n';
          answer(x, 200, body);
        });
    server.createContext(
        "/proof/inclusion",
        x -> {
          Map<String, Long> q = query(x);
          long index = q.get("index");
          long size = q.get("size");
          byte[] cp = proofCheckpoint != null ? proofCheckpoint : checkpoint;
          answer(x, 200, TlogProof.of(index, tree.inclusionProof(index, size).path(), cp).encode());
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static Map<String, Long> query(HttpExchange x) {
    Map<String, Long> q = new HashMap<>();
    for (String kv : x.getRequestURI().getQuery().split("&")) {
      String[] p = kv.split("=", 2);
      q.put(p[0], Long.parseLong(p[1]));
    }
    return q;
  }

  private static void answer(HttpExchange x, int status, byte[] body) throws IOException {
    x.sendResponseHeaders(status, body.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(body);
    }
  }

  private static byte[] receipt(long index) throws Exception {
    return Receipts.sign(
        Receipt.forEntry(LedgerGenerator.ORIGIN, Entry.parse(LEAVES.get((int) index))), log);
  }

  private int check(long... indexes) throws Exception {
    Path receipts = dir.resolve("receipts-" + System.nanoTime() + ".txt");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (long i : indexes) {
      all.write(receipt(i));
    }
    Files.write(receipts, all.toByteArray());
    return Main.run(
        new String[] {
          "check-receipts",
          receipts.toString(),
          "--log-key",
          generated.logKey().encode(),
          "--url",
          "http://127.0.0.1:" + server.getAddress().getPort()
        },
        new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
  }

  private String out() {
    return out.toString(UTF_8);
  }

  @Test
  void honestService_provesEveryReceipt() throws Exception {
    assertThat(check(0, AT, SIZE - 1)).as(out() + err).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Checkpoint: saksi.example/log, tree size 60, root ")
        .contains("Receipts:   3 checked, 3 as promised")
        .endsWith(
            "VALID: every receipt's entry is in the log at its index with its leaf hash, proved"
                + " against the log's latest checkpoint.\n");
  }

  @Test
  void anotherLeafAtTheIndex_isABrokenReceipt() throws Exception {
    leafOverride.put(AT, LEAVES.get((int) AT + 1));

    assertThat(check(0, AT)).isEqualTo(Main.EXIT_INVALID);
    assertThat(out())
        .contains("Receipts:   2 checked, 1 as promised\n  BROKEN receipts-")
        .contains(
            " #2: the log promised entry 37 with leaf hash "
                + Receipt.forEntry(LedgerGenerator.ORIGIN, Entry.parse(LEAVES.get((int) AT)))
                    .leafHash()
                + " but the service holds leaf hash "
                + Hashing.leafHash(LEAVES.get((int) AT + 1))
                + " there: the submission was replaced or dropped")
        .contains("INVALID: 1 receipts are broken");
  }

  @Test
  void proofAgainstAnotherRoot_isABrokenReceipt() throws Exception {
    Hash other = Hashing.sha256("another tree".getBytes(UTF_8));
    proofCheckpoint = Checkpoints.sign(new Checkpoint(LedgerGenerator.ORIGIN, SIZE, other), log);

    assertThat(check(AT)).isEqualTo(Main.EXIT_INVALID);
    assertThat(out()).contains("the inclusion proof of entry 37 does not verify: ");
  }

  @Test
  void checkpointSignedByAnotherKey_isInvalid() throws Exception {
    Ed25519PrivateKey other = Ed25519PrivateKey.fromSeed(new byte[32]);
    checkpoint =
        Checkpoints.sign(
            new Checkpoint(LedgerGenerator.ORIGIN, SIZE, tree.root()),
            NoteSigner.of(LedgerGenerator.ORIGIN, other));
    proofCheckpoint = checkpoint;

    assertThat(check(AT)).isEqualTo(Main.EXIT_INVALID);
    assertThat(out())
        .startsWith(
            "INVALID: the service's checkpoint is not signed by the log key for"
                + " saksi.example/log: ");
  }

  @Test
  void receiptBeyondTheLatestCheckpoint_isNotCoveredYet() throws Exception {
    checkpoint = generated.checkpointAtHalf();

    assertThat(check(SIZE - 1)).isEqualTo(Main.EXIT_USAGE);
    assertThat(out())
        .contains("entry 59 is not under the service's latest checkpoint (tree size 30) yet")
        .contains("UNDECIDED: 1 receipts are not under the service's latest checkpoint yet");
  }

  @Test
  void oversizedEntryResponse_isRefusedAsUnusable() throws Exception {
    entryPadding = Entry.MAX_BYTES + 10;

    assertThat(check(AT)).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(UTF_8)).contains("answered more than");
  }
}
