package id.saksi.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two service instances on one PostgreSQL given by URL (DESIGN.md invariant 3): started at the same
 * moment on an empty database they write one genesis between them; appending through both at once,
 * they neither fork nor gap the ledger; and one instance's cached aggregate does not go stale when
 * the other appends to it.
 */
class TwoInstancesTest {
  static Path home;
  static EmbeddedPostgres external;
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;
  static LedgerTables ledger;
  static LedgerClient a;
  static LedgerClient b;

  @BeforeAll
  static void startDatabaseAndTwoInstancesAtOnce() throws Exception {
    home = TestHomes.fresh("two-instances-");
    external = EmbeddedPostgres.builder().start();
    String[] properties = {
      "saksi.home=" + home,
      "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
      "spring.datasource.username=postgres",
      "logging.level.root=WARN"
    };
    CompletableFuture<ConfigurableApplicationContext> one =
        CompletableFuture.supplyAsync(() -> TestInstances.start(properties));
    CompletableFuture<ConfigurableApplicationContext> two =
        CompletableFuture.supplyAsync(() -> TestInstances.start(properties));
    first = one.get();
    second = two.get();
    ledger = new LedgerTables(external.getPostgresDatabase());
    a = new LedgerClient(TestInstances.port(first));
    b = new LedgerClient(TestInstances.port(second));
    StandardAgencies.register(a);
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (external != null) {
      external.close();
    }
  }

  @Test
  void startingAtOnce_writesOneGenesisAndSharesTheKeys() {
    assertThat(first.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
    assertThat(home.resolve("postgres")).doesNotExist();
    assertThat(first.getBean(EventStorageEngine.class)).isNotNull();
    long geneses =
        ledger.entriesOf("registry").stream()
            .map(Entry::statement)
            .filter(s -> s.type().equals("registry.genesis"))
            .count();
    assertThat(geneses).isEqualTo(1);
    assertThat(ledger.entry(1).statement().type()).isEqualTo("catalogue.adopted");
    assertThat(
            new JdbcTemplate(external.getPostgresDatabase())
                .queryForObject("SELECT count(*) FROM ledger_meta", Long.class))
        .isEqualTo(1);
    assertThat(first.getBean(ServiceKeys.class).logVerifierKey())
        .isEqualTo(second.getBean(ServiceKeys.class).logVerifierKey());
  }

  @Test
  void anInstanceWithAnotherOrigin_refusesToStart() {
    assertThatThrownBy(
            () ->
                TestInstances.start(
                    "saksi.home=" + home,
                    "saksi.log.origin=elsewhere.example/log",
                    "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres",
                    "logging.level.root=OFF"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this database holds the ledger of log \"localhost/saksi\" with key "
                + first.getBean(ServiceKeys.class).logVerifierKey().keyRef()
                + ", but this instance is configured as \"elsewhere.example/log\" with key "
                + "elsewhere.example/log+"
                + id.saksi.core.note.NoteVerifierKey.of(
                        "elsewhere.example/log",
                        first.getBean(ServiceKeys.class).logVerifierKey().publicKey())
                    .keyId()
                    .hex()
                + "; configure saksi.log.origin and saksi.keys.log as for the ledger's other"
                + " instances");
  }

  @Test
  void appendingThroughBoth_neitherForksNorGaps() throws Exception {
    long before = ledger.size();
    int sendersPerInstance = 4;
    int statementsEach = 20;
    ExecutorService pool = Executors.newFixedThreadPool(2 * sendersPerInstance);
    List<Future<List<Long>>> results = new ArrayList<>();
    try {
      for (LedgerClient client : List.of(a, b)) {
        for (int s = 0; s < sendersPerInstance; s++) {
          results.add(
              pool.submit(
                  () -> {
                    List<Long> indexes = new ArrayList<>();
                    for (int i = 0; i < statementsEach; i++) {
                      LedgerClient.Response r = client.post(Bodies.newCircular());
                      assertThat(r.status()).as(r.body()).isEqualTo(201);
                      indexes.add(r.index());
                    }
                    return indexes;
                  }));
        }
      }
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> f : results) {
        all.addAll(f.get());
      }
      int total = 2 * sendersPerInstance * statementsEach;
      assertThat(all).hasSize(total);
      assertThat(ledger.size()).isEqualTo(before + total);
    } finally {
      pool.shutdownNow();
    }
    ledger.assertConsistent();
  }

  @Test
  void anAggregateCachedInOneInstance_seesWhatTheOtherAppended() {
    CaseScript script = new CaseScript(TestLedger.standard(), "T-" + UUID.randomUUID());
    // Reported through the first instance, which now holds the case in its cache...
    assertThat(
            a.post(
                    Submissions.sign(
                        "BAWASLU-LAMPUNG",
                        "case.reported",
                        script.subject,
                        script.reportBody("CANDIDATE", null)))
                .status())
        .isEqualTo(201);
    script.day = script.day.plusDays(2);
    // ...registered through the second...
    assertThat(
            b.post(
                    Submissions.sign(
                        "BAWASLU-LAMPUNG",
                        "case.registered",
                        script.subject,
                        script.registerBody()))
                .status())
        .isEqualTo(201);

    // ...and verified through the first, which must judge it against the registered case.
    LedgerClient.Response verified =
        a.post(Submissions.sign("BKN", "case.verified", script.subject, script.verifyBody()));

    assertThat(verified.status()).as(verified.body()).isEqualTo(201);
    assertThat(ledger.entriesOf(script.subject)).hasSize(3);
    assertThat(ledger.eventCount(script.subject)).isEqualTo(3);
    ledger.assertConsistent();
  }
}
