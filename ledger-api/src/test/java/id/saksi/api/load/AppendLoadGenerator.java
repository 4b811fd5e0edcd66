package id.saksi.api.load;

import id.saksi.api.TestInstances;
import id.saksi.api.axon.AggregateLoadingConfiguration;
import id.saksi.api.axon.LruAggregateCache;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.testdomain.CreateCounterCommand;
import id.saksi.api.testdomain.IncrementCounterCommand;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures single-command appends through Axon with the ledger hook on: each command stores one
 * event and its ledger entry in its own transaction. Not a test: run it by hand and read the
 * figures it prints:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl ledger-api -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp ledger-api/target/test-classes:ledger-api/target/classes:$(cat ledger-api/target/test-classpath.txt) \
 *     id.saksi.api.load.AppendLoadGenerator senders=8 commands=1000 mode=create
 * </pre>
 *
 * <p>Arguments: {@code senders} (default 8), {@code commands} per sender (default 1000), {@code
 * mode}: {@code create} (every command creates a new aggregate) or {@code increment} (each sender
 * works on one long-lived aggregate, so loads come from the cache). Any further {@code name=value}
 * is passed to the service, e.g. {@code spring.datasource.url=...}; by default the service runs its
 * embedded PostgreSQL in a fresh temporary directory.
 */
public final class AppendLoadGenerator {
  private AppendLoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int senders = 8;
    int commandsEach = 1000;
    String mode = "create";
    List<String> properties = new ArrayList<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "senders":
          senders = Integer.parseInt(kv[1]);
          break;
        case "commands":
          commandsEach = Integer.parseInt(kv[1]);
          break;
        case "mode":
          mode = kv[1];
          break;
        default:
          properties.add(arg);
      }
    }
    if (properties.stream().noneMatch(p -> p.startsWith("saksi.home="))) {
      properties.add("saksi.home=" + Files.createTempDirectory("saksi-load"));
    }
    properties.add("logging.level.root=WARN");
    // Only the append path: no test read model consuming the events alongside.
    properties.add("saksi.test.projection=false");
    try (ConfigurableApplicationContext service =
        TestInstances.start(properties.toArray(new String[0]))) {
      CommandGateway commands = service.getBean(CommandGateway.class);
      LedgerTables ledger = new LedgerTables(service.getBean(DataSource.class));
      run(commands, senders, Math.max(50, commandsEach / 5), mode); // warm-up
      long before = ledger.size();
      Result r = run(commands, senders, commandsEach, mode);
      long appended = ledger.size() - before;
      ledger.assertConsistent();
      System.out.printf(
          Locale.ROOT,
          "aggregate cache holds %d aggregates%n",
          service.getBean(AggregateLoadingConfiguration.CACHE, LruAggregateCache.class).size());
      System.out.printf(
          Locale.ROOT,
          "mode=%s senders=%d commands=%d entries=%d seconds=%.2f entries/s=%.0f"
              + " latency ms p50=%.2f p99=%.2f max=%.2f%n",
          mode,
          senders,
          senders * commandsEach,
          appended,
          r.seconds,
          appended / r.seconds,
          r.percentileMillis(50),
          r.percentileMillis(99),
          r.percentileMillis(100));
    }
    // Non-daemon threads of the closed context must not keep the JVM alive.
    System.exit(0);
  }

  private static final class Result {
    final double seconds;
    final long[] latenciesNanos;

    Result(double seconds, long[] latenciesNanos) {
      this.seconds = seconds;
      this.latenciesNanos = latenciesNanos;
      Arrays.sort(this.latenciesNanos);
    }

    double percentileMillis(int p) {
      int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(i, latenciesNanos.length - 1))] / 1e6;
    }
  }

  private static Result run(CommandGateway commands, int senders, int commandsEach, String mode)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long[] latencies = new long[senders * commandsEach];
    try {
      List<Future<?>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int s = 0; s < senders; s++) {
        int offset = s * commandsEach;
        futures.add(
            pool.submit(
                () -> {
                  String aggregate = UUID.randomUUID().toString();
                  if (mode.equals("increment")) {
                    commands.sendAndWait(new CreateCounterCommand(aggregate));
                  }
                  for (int i = 0; i < commandsEach; i++) {
                    long t0 = System.nanoTime();
                    if (mode.equals("increment")) {
                      commands.sendAndWait(new IncrementCounterCommand(aggregate, 1));
                    } else {
                      commands.sendAndWait(new CreateCounterCommand(UUID.randomUUID().toString()));
                    }
                    latencies[offset + i] = System.nanoTime() - t0;
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(seconds, latencies);
    } finally {
      pool.shutdownNow();
    }
  }
}
