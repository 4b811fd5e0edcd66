package id.saksi.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.core.note.Checkpoints;
import id.saksi.verifier.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone verifier's commands run in-process against what a fault test left, as an auditor
 * would run them: {@code verify-db} on the ledger's database and {@code check-receipts --url} on
 * the receipts the writers were given, trusting only the log's published verifier key. The fault
 * tests' own checks read the tables with the service's code; these read them with the verifier's.
 */
final class VerifierRuns {
  /** What a command printed (standard output and error together) and its exit code. */
  record Run(int code, String out) {}

  private VerifierRuns() {}

  /** {@code verify-db} on the database {@code db} reads, with the service's log key. */
  static Run verifyDb(DataSource db, ServiceKeys keys, String... more) throws SQLException {
    String url;
    String user;
    try (Connection c = db.getConnection()) {
      url = c.getMetaData().getURL();
      user = c.getMetaData().getUserName();
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify-db",
                "--jdbc-url",
                url,
                "--user",
                user,
                "--log-key",
                keys.logVerifierKey().encode(),
                "--all"));
    args.addAll(List.of(more));
    return run(args);
  }

  /** {@code verify-db} that must find the ledger valid; its report goes to {@code log}. */
  static Run verifyDbPasses(DataSource db, ServiceKeys keys, PrintStream log) throws SQLException {
    Run r = verifyDb(db, keys);
    log.print(r.out());
    assertThat(r.code()).as("verify-db exit code; it printed:%n%s", r.out()).isZero();
    assertThat(r.out()).contains("VALID");
    return r;
  }

  /**
   * {@code check-receipts --url} of the service on {@code port} for {@code receipts} (signed notes,
   * as the service gave them), written to a receipts file in {@code dir}.
   */
  static Run checkReceipts(int port, ServiceKeys keys, List<String> receipts, Path dir)
      throws IOException {
    Path file = Files.createTempFile(dir, "receipts-", ".txt");
    // One note after the other, a blank line between (docs/export.md, "Receipts file").
    StringBuilder sb = new StringBuilder();
    for (String r : receipts) {
      sb.append(r);
      if (!r.endsWith("\n")) {
        sb.append('\n');
      }
      sb.append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return run(
        List.of(
            "check-receipts",
            file.toString(),
            "--log-key",
            keys.logVerifierKey().encode(),
            "--url",
            "http://localhost:" + port));
  }

  /** {@code check-receipts --url} that must find every receipt in the log; its verdict to log. */
  static Run checkReceiptsPass(
      int port, ServiceKeys keys, List<String> receipts, Path dir, PrintStream log)
      throws IOException {
    Run r = checkReceipts(port, keys, receipts, dir);
    String[] lines = r.out().strip().split("\n");
    log.println(lines[lines.length - 1]);
    assertThat(r.code()).as("check-receipts exit code; it printed:%n%s", r.out()).isZero();
    return r;
  }

  /**
   * Has the service sign a checkpoint of its whole ledger (of at least {@code size} entries), so
   * that the verifier's checks, which stop at the latest checkpoint, cover every entry.
   */
  static void checkpointCovering(ConfigurableApplicationContext service, long size)
      throws Exception {
    CheckpointPublisher publisher = service.getBean(CheckpointPublisher.class);
    ServiceKeys keys = service.getBean(ServiceKeys.class);
    for (int attempt = 0; attempt < 200; attempt++) {
      publisher.signIfGrown();
      var note = publisher.latest();
      if (note.isPresent()
          && Checkpoints.open(note.get(), keys.logVerifierKey(), keys.origin()).size() >= size) {
        return;
      }
      Thread.sleep(50); // the scheduled signer held the signing lock
    }
    throw new AssertionError("no checkpoint of size " + size + " or more was signed");
  }

  private static Run run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Main.run(args.toArray(new String[0]), p, p);
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }
}
