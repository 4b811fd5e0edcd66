package id.saksi.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.testdomain.CreateCounterCommand;
import id.saksi.api.testdomain.IncrementCounterCommand;
import id.saksi.core.hash.Hash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps the ledger across restarts of the service on one data directory. */
class RestartTest {
  @TempDir Path home;

  @Test
  void restart_keepsLedgerAndContinuesIt() throws Exception {
    String id = UUID.randomUUID().toString();
    long size;
    Hash head;
    try (ConfigurableApplicationContext first = TestInstances.start("saksi.home=" + home)) {
      CommandGateway commands = first.getBean(CommandGateway.class);
      commands.sendAndWait(new CreateCounterCommand(id));
      commands.sendAndWait(new IncrementCounterCommand(id, 2));
      LedgerTables ledger = new LedgerTables(first.getBean(DataSource.class));
      size = ledger.size();
      head = ledger.headHash();
      assertThat(size).isEqualTo(3);
    }
    String log = Files.readString(home.resolve("postgres.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("database system is shut down");
    // The pool closed before the server stopped: no open session was cut off by the shutdown.
    assertThat(log).doesNotContain("terminating connection due to administrator command");

    try (ConfigurableApplicationContext second = TestInstances.start("saksi.home=" + home)) {
      LedgerTables ledger = new LedgerTables(second.getBean(DataSource.class));
      assertThat(ledger.size()).isEqualTo(size);
      assertThat(ledger.headHash()).isEqualTo(head);
      assertThat(ledger.entriesOf(id)).hasSize(3);

      // The aggregate is rebuilt from the stored events, and the ledger goes on at index 3.
      long value =
          second.getBean(CommandGateway.class).sendAndWait(new IncrementCounterCommand(id, 1));
      assertThat(value).isEqualTo(3);
      assertThat(ledger.entriesOf(id).get(3).index()).isEqualTo(3);
      ledger.assertConsistent();
    }
  }
}
