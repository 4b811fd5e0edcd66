package id.saksi.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.receipt.Receipt;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core's example ledger (whole-case.jsonl: fourteen agencies, a circular, and one Pilkada 2024
 * case from report to closure) submitted over HTTP to a fresh service, with a restart in the
 * middle. Every statement lands at the position the fixture gives it; every receipt opens with the
 * log's key and matches its stored entry; after the restart the keys, the genesis and the chain
 * carry on; and the stored chain and Merkle root are the checkpoint's.
 */
class WholeCaseTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Line(long position, Submissions.Signed signed) {}

  static List<Line> lines() throws Exception {
    List<Line> out = new ArrayList<>();
    try (InputStream in =
        WholeCaseTest.class.getResourceAsStream("/domain/examples/whole-case.jsonl")) {
      for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode n = JSON.readTree(text);
        String agency = n.get("agency").asString();
        Submissions.Signed signed =
            Submissions.sign(
                agency,
                n.get("type").asString(),
                n.get("subject").asString(),
                n.get("body"),
                Instant.parse(n.get("issuedAt").asString()),
                Submissions.randomNonce(),
                Submissions.keyOf(agency));
        assertThat(signed.statement().key().hex()).isEqualTo(n.get("key").asString());
        out.add(new Line(n.get("position").longValue(), signed));
      }
    }
    return out;
  }

  @Test
  void wholeCase_overHttp_withARestartInTheMiddle() throws Exception {
    Path home = TestHomes.fresh("whole-case-");
    List<Line> lines = lines();
    assertThat(lines).hasSize(45);
    int restartAt = 25;
    List<LedgerClient.Response> receipts = new ArrayList<>();
    NoteVerifierKey logKey;
    String origin;
    Hash genesisLeaf;

    try (ConfigurableApplicationContext service = TestInstances.start("saksi.home=" + home)) {
      ServiceKeys keys = service.getBean(ServiceKeys.class);
      logKey = keys.logVerifierKey();
      origin = keys.origin();
      LedgerTables ledger = new LedgerTables(service.getBean(DataSource.class));
      // The service wrote the fixture's first two records itself: the same registrar and key.
      Entry genesis = ledger.entry(0);
      assertThat(genesis.statement().key()).isEqualTo(lines.get(0).signed().statement().key());
      assertThat(genesis.statement().body()).isEqualTo(lines.get(0).signed().statement().body());
      assertThat(canonicalHash(ledger.entry(1).statement().body()))
          .isEqualTo(canonicalHash(lines.get(1).signed().statement().body()));
      genesisLeaf = genesis.leafHash();
      submit(new LedgerClient(TestInstances.port(service)), lines.subList(2, restartAt), receipts);
    }
    String vkeyBefore = Files.readString(home.resolve("log.vkey"), StandardCharsets.UTF_8);
    // A clean stop: the server wrote its shutdown checkpoint. (A pooled session may still be
    // closing as the server stops; PostgreSQL then logs that it terminated it, harmlessly.)
    assertThat(Files.readString(home.resolve("postgres.log"), StandardCharsets.UTF_8))
        .contains("database system is shut down");

    try (ConfigurableApplicationContext service = TestInstances.start("saksi.home=" + home)) {
      ServiceKeys keys = service.getBean(ServiceKeys.class);
      LedgerTables ledger = new LedgerTables(service.getBean(DataSource.class));
      // The same keys, the same genesis, the ledger where it was.
      assertThat(keys.logVerifierKey()).isEqualTo(logKey);
      assertThat(Files.readString(home.resolve("log.vkey"), StandardCharsets.UTF_8))
          .isEqualTo(vkeyBefore);
      assertThat(KeyId.of(keys.registrarKey().publicKey()))
          .isEqualTo(lines.get(0).signed().statement().key());
      assertThat(ledger.entry(0).leafHash()).isEqualTo(genesisLeaf);
      assertThat(ledger.size()).isEqualTo(restartAt);

      LedgerClient client = new LedgerClient(TestInstances.port(service));
      submit(client, lines.subList(restartAt, lines.size()), receipts);
      assertThat(ledger.size()).isEqualTo(45);
      Entry closed = ledger.entry(44);
      assertThat(closed.statement().type()).isEqualTo("case.closed");

      for (LedgerClient.Response r : receipts) {
        Receipt receipt = r.receipt(logKey, origin);
        receipt.requireMatches(ledger.entry(receipt.index()));
      }
      ledger.assertConsistent();
      Checkpoint checkpoint = awaitCheckpoint(client, logKey, origin, 45);
      assertThat(checkpoint.rootHash()).isEqualTo(ledger.recomputedRoot(45));
      assertThat(checkpoint.rootHash()).isEqualTo(ledger.headRoot());
    }
  }

  private static Hash canonicalHash(JsonNode node) {
    return Hashing.sha256(CanonicalJson.canonicalize(node));
  }

  private static void submit(
      LedgerClient client, List<Line> lines, List<LedgerClient.Response> receipts) {
    for (Line line : lines) {
      LedgerClient.Response r = client.post(line.signed());
      assertThat(r.status())
          .as("position %d (%s): %s", line.position(), line.signed().statement(), r.body())
          .isEqualTo(201);
      assertThat(r.index()).isEqualTo(line.position());
      receipts.add(r);
    }
  }

  private static Checkpoint awaitCheckpoint(
      LedgerClient client, NoteVerifierKey key, String origin, long size) throws Exception {
    Checkpoint c = null;
    // Bounded wait for the publisher; no timing is asserted.
    for (int i = 0; i < 100; i++) {
      c =
          Checkpoints.open(
              client.get("/checkpoint").body().getBytes(StandardCharsets.UTF_8), key, origin);
      if (c.size() >= size) {
        return c;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no checkpoint of size " + size + "; last " + c);
  }
}
