package id.saksi.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.TestInstances;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.testdomain.CreateCounterCommand;
import id.saksi.api.testdomain.IncrementCounterCommand;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Given a JDBC URL, the service uses that PostgreSQL and starts none; two instances on it share one
 * ledger (invariant 3).
 */
class ExternalDatabaseTest {
  @TempDir static Path home;

  static EmbeddedPostgres external;
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;
  static LedgerTables ledger;

  @BeforeAll
  static void startDatabaseAndTwoInstances() throws Exception {
    external = EmbeddedPostgres.builder().start();
    String[] properties = {
      "saksi.home=" + home,
      "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
      "spring.datasource.username=postgres"
    };
    first = TestInstances.start(properties);
    second = TestInstances.start(properties);
    ledger = new LedgerTables(external.getPostgresDatabase());
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
  void givenUrl_usesThatDatabaseAndStartsNone() {
    assertThat(first.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
    assertThat(home.resolve("postgres")).doesNotExist();
    assertThat(first.getBean(DatabaseDescription.class).text())
        .isEqualTo(
            "PostgreSQL at jdbc:postgresql://localhost:"
                + external.getPort()
                + "/postgres as user postgres");
    // Axon's JDBC auto-configuration ran after Boot's DataSource: not an in-memory token store.
    assertThat(first.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);

    String id = UUID.randomUUID().toString();
    first.getBean(CommandGateway.class).sendAndWait(new CreateCounterCommand(id));
    assertThat(ledger.entriesOf(id)).hasSize(1);
  }

  @Test
  void twoInstances_concurrentCommandsGiveDenseIndexes() throws Exception {
    long before = ledger.size();
    int sendersPerInstance = 4;
    int commandsEach = 30;
    ExecutorService pool = Executors.newFixedThreadPool(2 * sendersPerInstance);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (ConfigurableApplicationContext instance : List.of(first, second)) {
        CommandGateway commands = instance.getBean(CommandGateway.class);
        for (int s = 0; s < sendersPerInstance; s++) {
          results.add(
              pool.submit(
                  () -> {
                    String id = UUID.randomUUID().toString();
                    commands.sendAndWait(new CreateCounterCommand(id));
                    for (int i = 1; i < commandsEach; i++) {
                      commands.sendAndWait(new IncrementCounterCommand(id, 1));
                    }
                  }));
        }
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.size()).isEqualTo(before + 2L * sendersPerInstance * commandsEach);
    ledger.assertConsistent();
  }

  @Test
  void twoWritersOnOneAggregate_staleOneGetsConcurrencyException() {
    CommandGateway a = first.getBean(CommandGateway.class);
    CommandGateway b = second.getBean(CommandGateway.class);
    String id = UUID.randomUUID().toString();
    a.sendAndWait(new CreateCounterCommand(id)); // cached in the first instance at sequence 0
    b.sendAndWait(new IncrementCounterCommand(id, 1)); // stored at sequence 1 by the second
    long size = ledger.size();

    // The first instance still holds sequence 0 and writes sequence 1 again.
    assertThatThrownBy(() -> a.sendAndWait(new IncrementCounterCommand(id, 1)))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(ledger.size()).isEqualTo(size);

    // The refusal dropped the stale copy: the retry loads the current state.
    long value = a.sendAndWait(new IncrementCounterCommand(id, 1));
    assertThat(value).isEqualTo(2);
    ledger.assertConsistent();
  }
}
