package id.saksi.api.db;

import id.saksi.api.TestInstances;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.Submissions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test-only child process for {@link KillRecoveryTest}: starts the service on the data directory
 * given as its argument, registers the standard agencies, then appends circulars
 * "instrument/kill-0", "instrument/kill-1", ... over HTTP and prints "ACK i" once each is
 * acknowledged (201), until it is killed (or 60 s have passed).
 */
public final class AppendUntilKilled {
  private AppendUntilKilled() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + args[0], "logging.level.root=WARN");
    LedgerClient client = new LedgerClient(TestInstances.port(service));
    StandardAgencies.register(client);
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (int i = 0; System.nanoTime() < deadline; i++) {
      LedgerClient.Response r =
          client.post(
              Submissions.sign(
                  "PEMKOT-METRO",
                  "instrument.issued",
                  "instrument/kill-" + i,
                  Bodies.circular("005/" + (i + 1) + "/B-06/2023")));
      if (r.status() != 201) {
        out.println("FAILED " + i + " " + r.body());
        break;
      }
      out.println("ACK " + i);
    }
    service.close();
  }
}
