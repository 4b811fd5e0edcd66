package id.saksi.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core's whole case (whole-case.jsonl) through a service of its own, stopped in the middle: the
 * read models resume from their token in PostgreSQL and end where the ledger does; and, with {@code
 * saksi.read.max-entries=7}, {@code GET /entries} pages by {@code Saksi-Next-Start}.
 */
class ReadModelRestartTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CASE = "/cases/LPG-2024-0001";
  private static final int STOP_AFTER = 38;

  @Test
  void readModels_resumeFromTheirTokenAfterARestart() throws Exception {
    Path home = TestHomes.fresh("read-restart-");
    List<Submissions.Signed> lines = wholeCase();
    assertThat(lines).hasSize(45);

    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "saksi.read.max-entries=7")) {
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      submit(client, lines.subList(2, STOP_AFTER + 1), 2);
      awaitReadModels(client, STOP_AFTER);

      JsonNode c = client.get(CASE).json();
      assertThat(c.get("status").asString()).isEqualTo("SUMMONED");
      assertThat(c.get("history")).hasSize(8);
      assertThat(c.get("recommendation").get("followedUp").booleanValue()).isFalse();
      JsonNode ppk = client.get("/agencies/" + c.get("ppk").asString() + "/overview").json();
      assertThat(ppk.get("cases").get("recommendationsNotFollowedUp").longValue()).isEqualTo(1);

      assertEntriesPageBySevens(TestInstances.port(service), service.getBean(DataSource.class));

      // A row the processor will never write again unless it replays from the start.
      JdbcTemplate jdbc = new JdbcTemplate(service.getBean(DataSource.class));
      assertThat(jdbc.update("DELETE FROM read_case_step WHERE position = 31")).isEqualTo(1);
    }

    try (ConfigurableApplicationContext service = TestInstances.start("saksi.home=" + home)) {
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      JdbcTemplate jdbc = new JdbcTemplate(service.getBean(DataSource.class));
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM tokenentry WHERE processorname = ? AND token IS NOT NULL",
                  Long.class,
                  ReadModelProjection.PROCESSING_GROUP))
          .isEqualTo(1);

      submit(client, lines.subList(STOP_AFTER + 1, lines.size()), STOP_AFTER + 1);
      awaitReadModels(client, 44);

      JsonNode c = client.get(CASE).json();
      assertThat(c.get("status").asString()).isEqualTo("CLOSED");
      assertThat(c.get("closedReason").asString()).isEqualTo("SERVED");
      assertThat(c.get("recommendation").get("followedUp").booleanValue()).isTrue();
      List<Long> positions = new ArrayList<>();
      c.get("history").forEach(s -> positions.add(s.get("position").longValue()));
      // 32..44 applied once each; 31 stays deleted: nothing before the token was applied again.
      assertThat(positions)
          .containsExactly(32L, 33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L, 41L, 42L, 43L, 44L);
      JsonNode ppk = client.get("/agencies/" + c.get("ppk").asString() + "/overview").json();
      assertThat(ppk.get("cases").get("open").longValue()).isZero();
      assertThat(ppk.get("cases").get("recommendationsNotFollowedUp").longValue()).isZero();
    }
  }

  private static void assertEntriesPageBySevens(int port, DataSource dataSource) throws Exception {
    LedgerTables ledger = new LedgerTables(dataSource);
    HttpClient http = HttpClient.newHttpClient();
    StringBuilder all = new StringBuilder();
    List<Long> starts = new ArrayList<>();
    String next = "0";
    while (next != null) {
      starts.add(Long.parseLong(next));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/entries?start=" + next))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body().split("\n", -1)).hasSizeLessThanOrEqualTo(8);
      all.append(r.body());
      next = r.headers().firstValue("Saksi-Next-Start").orElse(null);
    }
    assertThat(starts).containsExactly(0L, 7L, 14L, 21L, 28L, 35L);
    StringBuilder want = new StringBuilder();
    for (long i = 0; i < ledger.size(); i++) {
      want.append(new String(ledger.entry(i).leafBytes(), StandardCharsets.UTF_8)).append('\n');
    }
    assertThat(all.toString()).isEqualTo(want.toString());
  }

  private static void submit(LedgerClient client, List<Submissions.Signed> lines, long first) {
    long position = first;
    for (Submissions.Signed s : lines) {
      LedgerClient.Response r = client.post(s);
      assertThat(r.status()).as("position %d: %s", position, r.body()).isEqualTo(201);
      assertThat(r.index()).isEqualTo(position);
      position++;
    }
  }

  private static void awaitReadModels(LedgerClient client, long position)
      throws InterruptedException {
    long asOf = -1;
    for (int i = 0; i < 400; i++) {
      asOf = client.get("/cases?size=1").json().get("asOf").longValue();
      if (asOf >= position) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the read models stopped at " + asOf + ", not " + position);
  }

  /** The core's example ledger, each line signed with its agency's test key. */
  private static List<Submissions.Signed> wholeCase() throws IOException {
    List<Submissions.Signed> out = new ArrayList<>();
    try (InputStream in =
        ReadModelRestartTest.class.getResourceAsStream("/domain/examples/whole-case.jsonl")) {
      for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode n = JSON.readTree(text);
        String agency = n.get("agency").asString();
        out.add(
            Submissions.sign(
                agency,
                n.get("type").asString(),
                n.get("subject").asString(),
                n.get("body"),
                Instant.parse(n.get("issuedAt").asString()),
                Submissions.randomNonce(),
                Submissions.keyOf(agency)));
      }
    }
    return out;
  }
}
