package id.saksi.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.TestHomes;
import id.saksi.core.entry.Entry;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three service instances on one PostgreSQL, started on an empty database and written through
 * concurrently, with singles and batches (DESIGN.md invariant 3): one genesis, one order, no fork,
 * no gap, and every receipt any of them gave is the entry at its index.
 */
class ThreeInstancesTest {

  @Test
  void threeInstancesUnderConcurrentLoad_oneOrderNoForkNoGap() throws Exception {
    Path home = TestHomes.fresh("three-instances-");
    List<ConfigurableApplicationContext> instances = new ArrayList<>();
    try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
      String[] properties = {
        "saksi.home=" + home,
        "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username=postgres",
        "logging.level.root=WARN"
      };
      try {
        // One after the other: Spring Boot's logging set-up is not safe for three applications
        // starting in one JVM at the same moment (TwoInstancesTest covers a simultaneous start).
        for (int i = 0; i < 3; i++) {
          instances.add(TestInstances.start(properties));
        }
        List<LedgerClient> clients = new ArrayList<>();
        for (ConfigurableApplicationContext instance : instances) {
          clients.add(new LedgerClient(TestInstances.port(instance)));
        }
        StandardAgencies.register(clients.get(0));
        LedgerTables ledger = new LedgerTables(database.getPostgresDatabase());
        long before = ledger.size();

        int sendersPerInstance = 3;
        int statementsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(3 * sendersPerInstance);
        List<Future<List<LedgerClient.Response>>> results = new ArrayList<>();
        try {
          for (LedgerClient client : clients) {
            for (int s = 0; s < sendersPerInstance; s++) {
              results.add(
                  pool.submit(
                      () -> {
                        List<LedgerClient.Response> out = new ArrayList<>();
                        for (int i = 0; i < statementsEach; i++) {
                          // Alternate singles and small batches, the two write paths.
                          if (i % 5 == 4) {
                            out.add(
                                client.postBatch(
                                    List.of(
                                        Bodies.newCircular(),
                                        Bodies.newCircular(),
                                        Bodies.newCircular())));
                          } else {
                            out.add(client.post(Bodies.newCircular()));
                          }
                        }
                        return out;
                      }));
            }
          }
          ServiceKeys keys = instances.get(0).getBean(ServiceKeys.class);
          List<Long> indexes = new ArrayList<>();
          List<Receipt> receipts = new ArrayList<>();
          List<String> receiptTexts = new ArrayList<>();
          for (Future<List<LedgerClient.Response>> f : results) {
            for (LedgerClient.Response r : f.get()) {
              assertThat(r.status()).as(r.body()).isIn(200, 201);
              List<String> texts = new ArrayList<>();
              if (r.json().has("results")) {
                r.json()
                    .get("results")
                    .forEach(
                        item -> {
                          assertThat(item.get("status").intValue()).as(r.body()).isEqualTo(201);
                          texts.add(item.get("receipt").asString());
                        });
              } else {
                texts.add(r.json().get("receipt").asString());
              }
              receiptTexts.addAll(texts);
              for (String text : texts) {
                Receipt receipt =
                    Receipts.open(
                        text.getBytes(StandardCharsets.UTF_8),
                        keys.logVerifierKey(),
                        keys.origin());
                receipts.add(receipt);
                indexes.add(receipt.index());
              }
            }
          }
          int perSender = statementsEach + 2 * (statementsEach / 5);
          int total = 3 * sendersPerInstance * perSender;
          // One order: the indexes handed out are exactly the next `total`, none twice.
          assertThat(indexes).doesNotHaveDuplicates().hasSize(total);
          assertThat(indexes.stream().mapToLong(Long::longValue).min().orElseThrow())
              .isEqualTo(before);
          assertThat(indexes.stream().mapToLong(Long::longValue).max().orElseThrow())
              .isEqualTo(before + total - 1);
          assertThat(ledger.size()).isEqualTo(before + total);
          List<Entry> entries = ledger.entries();
          for (Receipt receipt : receipts) {
            receipt.requireMatches(entries.get((int) receipt.index()));
          }
          // The standalone verifier agrees: the one ledger verifies, every receipt is in it.
          VerifierRuns.checkpointCovering(instances.get(0), ledger.size());
          VerifierRuns.verifyDbPasses(database.getPostgresDatabase(), keys, System.out);
          VerifierRuns.checkReceiptsPass(
              TestInstances.port(instances.get(1)), keys, receiptTexts, home, System.out);
        } finally {
          pool.shutdownNow();
        }
        // No fork: one chain and one tree, and every checkpoint any instance stored is of it.
        ledger.assertConsistent();
        long geneses =
            ledger.entriesOf("registry").stream()
                .filter(e -> e.statement().type().equals("registry.genesis"))
                .count();
        assertThat(geneses).isEqualTo(1);
      } finally {
        for (ConfigurableApplicationContext instance : instances) {
          instance.close();
        }
      }
    }
  }
}
