package id.saksi.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running service on a fresh data directory holding the core's example ledger (whole-case.jsonl:
 * genesis, catalogue, agencies and keys, a circular, one case from report to closure; 45 entries),
 * every statement appended through the service's HTTP write path, and a checkpoint of all 45
 * signed.
 */
final class WholeCaseLedger implements AutoCloseable {
  static final String CASE = "LPG-2024-0001";
  static final long SIZE = 45;

  final Path home;
  final ConfigurableApplicationContext service;
  final int port;
  final NoteVerifierKey logKey;
  final LedgerClient client;

  private WholeCaseLedger(Path home, ConfigurableApplicationContext service) {
    this.home = home;
    this.service = service;
    this.port = TestInstances.port(service);
    this.logKey = service.getBean(ServiceKeys.class).logVerifierKey();
    this.client = new LedgerClient(port);
  }

  static WholeCaseLedger start(String name) throws Exception {
    Path home = TestHomes.fresh(name);
    WholeCaseLedger l =
        new WholeCaseLedger(
            home, TestInstances.start("saksi.home=" + home, "saksi.checkpoint.delay=50ms"));
    l.appendWholeCase();
    l.awaitCheckpoint(SIZE);
    return l;
  }

  private void appendWholeCase() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    try (InputStream in = getClass().getResourceAsStream("/domain/examples/whole-case.jsonl")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      // The service wrote the first two (genesis, catalogue) itself.
      for (int i = 2; i < lines.length; i++) {
        JsonNode n = json.readTree(lines[i]);
        String agency = n.get("agency").asString();
        LedgerClient.Response r =
            client.post(
                Submissions.sign(
                    agency,
                    n.get("type").asString(),
                    n.get("subject").asString(),
                    n.get("body"),
                    Instant.parse(n.get("issuedAt").asString()),
                    Submissions.randomNonce(),
                    Submissions.keyOf(agency)));
        assertThat(r.status()).as("line %d: %s", i, r.body()).isEqualTo(201);
      }
    }
  }

  Checkpoint awaitCheckpoint(long size) throws Exception {
    Checkpoint c = null;
    for (int i = 0; i < 200; i++) {
      LedgerClient.Response r = client.get("/checkpoint");
      if (r.status() == 200) {
        c = Checkpoints.open(r.body().getBytes(StandardCharsets.UTF_8), logKey, logKey.name());
        if (c.size() >= size) {
          return c;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no checkpoint of size " + size + "; last " + c);
  }

  /** GET {@code path} as bytes. */
  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  DataSource dataSource() {
    return service.getBean(DataSource.class);
  }

  /** The JDBC URL of the service's database. */
  String jdbcUrl() throws Exception {
    try (Connection c = dataSource().getConnection()) {
      return c.getMetaData().getURL();
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
