package id.saksi.api.fault;

import id.saksi.api.TestInstances;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test-only child process for {@link CrashRounds}: starts the service on the data directory given
 * as its argument (embedded PostgreSQL), prints "PORT n" once it serves, then serves until it is
 * killed (or ten minutes have passed, so that a lost child does not outlive its test for long).
 */
public final class ServeUntilKilled {
  private ServeUntilKilled() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + args[0], "logging.level.root=WARN");
    out.println("PORT " + TestInstances.port(service));
    Thread.sleep(600_000L);
    service.close();
  }
}
