package id.saksi.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.core.entry.Entry;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database cuts the service's connections (pg_terminate_backend, as a failover or a DBA would)
 * again and again while appends run: every acknowledged append survives, each unacknowledged one is
 * all there or absent, the ledger stays one dense, linked tree, and the service recovers and keeps
 * serving without a restart; the standalone verifier's {@code verify-db} and {@code check-receipts
 * --url} then find the ledger valid and every acknowledged receipt in it.
 */
class ConnectionCutTest {
  private static final String TERMINATE =
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
          + " WHERE pid <> pg_backend_pid() AND datname = current_database()"
          + " AND backend_type = 'client backend'";

  record Ack(String subject, long index, String receipt) {}

  @Test
  void connectionsCutWhileAppending_acknowledgedSurviveAndServiceRecovers() throws Exception {
    java.nio.file.Path home = TestHomes.fresh("connection-cut-");
    try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
      JdbcTemplate dba = new JdbcTemplate(database.getPostgresDatabase());
      try (ConfigurableApplicationContext service =
          TestInstances.start(
              "saksi.home=" + home,
              "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
              "spring.datasource.username=postgres",
              "logging.level.root=OFF")) {
        LedgerClient client = new LedgerClient(TestInstances.port(service));
        StandardAgencies.register(client);

        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        Set<String> unsettled = ConcurrentHashMap.newKeySet();
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        int cut = 0;
        try {
          for (int w = 0; w < writers; w++) {
            running.add(
                pool.submit(
                    () -> {
                      while (!stop.get()) {
                        Submissions.Signed s = Bodies.newCircular();
                        String subject = s.statement().subject();
                        unsettled.add(subject);
                        LedgerClient.Response r = client.post(s);
                        if (r.status() == 201) {
                          acks.add(new Ack(subject, r.index(), r.json().get("receipt").asString()));
                          unsettled.remove(subject);
                        } else if (r.status() / 100 != 5 && r.status() != 429) {
                          refused.add(r.status() + " " + r.body());
                        }
                      }
                    }));
          }
          // Ten cuts, a random fraction of a second apart, each while the writers are writing.
          java.util.Random random = new java.util.Random(7);
          for (int i = 0; i < 10; i++) {
            Thread.sleep(150 + random.nextInt(350));
            cut += dba.queryForObject(TERMINATE, Integer.class);
          }
          Thread.sleep(500);
        } finally {
          stop.set(true);
          pool.shutdown();
          assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        for (Future<?> f : running) {
          f.get(); // a writer's own failure (the client's AssertionError) surfaces here
        }
        assertThat(refused).as("valid statements refused with a 4xx").isEmpty();
        assertThat(cut).as("connections cut").isPositive();

        // It keeps serving: the pool replaces the cut connections without a restart.
        for (int i = 0; i < 5; i++) {
          LedgerClient.Response r = client.post(Bodies.newCircular());
          assertThat(r.status()).as("after the cuts: %s", r.body()).isEqualTo(201);
        }

        LedgerTables tables = new LedgerTables(database.getPostgresDatabase());
        tables.assertConsistent();
        List<Entry> entries = tables.entries();
        Map<String, Integer> perSubject = new HashMap<>();
        for (Entry e : entries) {
          perSubject.merge(e.statement().subject(), 1, Integer::sum);
        }
        ServiceKeys keys = service.getBean(ServiceKeys.class);
        for (Ack ack : acks) {
          Receipt receipt =
              Receipts.open(
                  ack.receipt().getBytes(StandardCharsets.UTF_8),
                  keys.logVerifierKey(),
                  keys.origin());
          receipt.requireMatches(entries.get((int) ack.index()));
          assertThat(perSubject.get(ack.subject())).as(ack.subject()).isEqualTo(1);
        }
        for (String subject : unsettled) {
          assertThat(perSubject.getOrDefault(subject, 0)).as(subject).isBetween(0, 1);
        }
        System.out.printf(
            java.util.Locale.ROOT,
            "%d connections cut; %d acknowledged, %d failed (%d of them in the ledger)%n",
            cut,
            acks.size(),
            unsettled.size(),
            unsettled.stream().filter(perSubject::containsKey).count());
        assertThat(acks).isNotEmpty();

        // The standalone verifier agrees: the database verifies, every receipt is in the log.
        VerifierRuns.checkpointCovering(service, tables.size());
        VerifierRuns.verifyDbPasses(database.getPostgresDatabase(), keys, System.out);
        VerifierRuns.checkReceiptsPass(
            TestInstances.port(service),
            keys,
            acks.stream().map(Ack::receipt).toList(),
            home,
            System.out);
      }
    }
  }
}
