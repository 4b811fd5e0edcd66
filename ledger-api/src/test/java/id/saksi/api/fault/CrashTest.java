package id.saksi.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The short version of the crash test ({@link CrashRounds}): two rounds of concurrent writers over
 * HTTP to the service in a child process, each ended by SIGKILL, then a restart that finds every
 * acknowledged receipt at its index and a ledger whose chain, tree and checkpoints verify.
 */
class CrashTest {

  @Test
  void sigkillWhileWriting_losesNoAcknowledgedReceiptAndLeavesOneTree() throws Exception {
    PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CrashRounds crashes = new CrashRounds(42, 4, log);

    crashes.round(false);
    crashes.round(false);
    CrashRounds.Summary summary = crashes.verify();

    log.println(summary);
    assertThat(summary.rounds()).isEqualTo(2);
    // Writes were under way at each kill, so the checks above had receipts to find.
    assertThat(summary.acknowledged()).isPositive();
    assertThat(summary.size()).isGreaterThanOrEqualTo(summary.acknowledged());
  }
}
