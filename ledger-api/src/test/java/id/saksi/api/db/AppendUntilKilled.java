package id.saksi.api.db;

import id.saksi.api.TestInstances;
import id.saksi.api.testdomain.CreateCounterCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test-only child process for {@link KillRecoveryTest}: starts the service on the data directory
 * given as its argument, then appends counters "kill-0", "kill-1", ... and prints "ACK i" once each
 * append is acknowledged, until it is killed (or 60 s have passed).
 */
public final class AppendUntilKilled {
  private AppendUntilKilled() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + args[0], "logging.level.root=WARN");
    CommandGateway commands = service.getBean(CommandGateway.class);
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (int i = 0; System.nanoTime() < deadline; i++) {
      commands.sendAndWait(new CreateCounterCommand("kill-" + i));
      out.println("ACK " + i);
    }
    service.close();
  }
}
