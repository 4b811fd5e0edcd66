package id.saksi.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.TestHomes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service killed with -9 in the middle of appending leaves its PostgreSQL running; the next start
 * stops that server, reuses the data directory and the keys, and finds every acknowledged append,
 * with the one in flight all in or all out (DESIGN.md invariant 6).
 */
class KillRecoveryTest {

  @Test
  void killMinus9_nextStartRecoversEveryAcknowledgedAppend() throws Exception {
    Path home = TestHomes.fresh("kill-");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    // Bounds the test if the child never gets going: killing it ends the read loop below.
    CompletableFuture.delayedExecutor(3, TimeUnit.MINUTES).execute(child::destroyForcibly);
    StringBuilder output = new StringBuilder();
    int acknowledged = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
        if (line.startsWith("ACK ")) {
          acknowledged = Integer.parseInt(line.substring(4)) + 1;
          if (acknowledged == 40) {
            child.destroyForcibly(); // SIGKILL, in the middle of the next append
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged)
        .as("appends acknowledged before the kill; child said:%n%s", output)
        .isEqualTo(40);

    try (ConfigurableApplicationContext restarted =
        TestInstances.start("saksi.home=" + home, "logging.level.root=WARN")) {
      LedgerTables ledger = new LedgerTables(restarted.getBean(DataSource.class));
      for (int i = 0; i < acknowledged; i++) {
        assertThat(ledger.entriesOf("instrument/kill-" + i)).as("kill-" + i).hasSize(1);
      }
      // The append in flight at the kill is all in or all out.
      assertThat(ledger.entriesOf("instrument/kill-" + acknowledged).size()).isBetween(0, 1);
      ledger.assertConsistent();
    }
  }
}
