package id.saksi.api.load;

import id.saksi.api.TestInstances;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.api.write.LedgerService;
import id.saksi.api.write.SignedStatement;
import id.saksi.api.write.SubmissionParser;
import id.saksi.api.write.WriteResult;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A load generator for the write API over HTTP (issue 4's benchmarks). Not a test: run it by hand
 * and read the figures it prints. It starts the service in this JVM on a fresh data directory
 * (embedded PostgreSQL, fsync on), registers the standard test agencies, signs every statement
 * before the clock starts, then posts them:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl ledger-api -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp ledger-api/target/test-classes:ledger-api/target/classes:$(cat ledger-api/target/test-classpath.txt) \
 *     id.saksi.api.load.HttpLoadGenerator
 * </pre>
 *
 * <p>Arguments ({@code name=value}): {@code clients} (8), {@code singles} per client (2000), {@code
 * batches} per client (4) of {@code batch} statements (1000), {@code rate} per second for the
 * latency run (200) over {@code seconds} (20), {@code only} to run one of {@code singles}, {@code
 * batches}, {@code rate}, {@code lag}, or {@code direct} (singles through the write path without
 * HTTP, to tell the two costs apart), or {@code proof}: inclusion-proof latency at a large tree,
 * whose Merkle tree ({@code fill} leaves, 10,000,000) is bulk-filled in SQL ({@link ProofLoad}),
 * then {@code proofs} (5000) proofs of random entries are fetched one at a time; {@code home=DIR}
 * reuses the data directory of an earlier run, whose tree is then not filled again; or {@code soak}
 * (issue 6): {@code rate} appends per second (300, half the measured capacity of singles) and
 * {@code reads} reads per second (100) for {@code seconds} (600), reported minute by minute by
 * {@link SoakLoad} ({@code minutes} sets the length in minutes instead). Anything else is passed to
 * the service, e.g. {@code saksi.write.group-size=64}.
 */
public final class HttpLoadGenerator {
  private HttpLoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int clients = 8;
    int singles = 2000;
    int batches = 4;
    int batch = 1000;
    int rate = 200;
    int seconds = 20;
    String only = "";
    long fill = 10_000_000L;
    int proofs = 5000;
    int reads = 100;
    boolean rateGiven = false;
    boolean secondsGiven = false;
    Path home = null;
    List<String> properties = new ArrayList<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "clients":
          clients = Integer.parseInt(kv[1]);
          break;
        case "singles":
          singles = Integer.parseInt(kv[1]);
          break;
        case "batches":
          batches = Integer.parseInt(kv[1]);
          break;
        case "batch":
          batch = Integer.parseInt(kv[1]);
          break;
        case "rate":
          rate = Integer.parseInt(kv[1]);
          rateGiven = true;
          break;
        case "seconds":
          seconds = Integer.parseInt(kv[1]);
          secondsGiven = true;
          break;
        case "minutes":
          seconds = Math.multiplyExact(Integer.parseInt(kv[1]), 60);
          secondsGiven = true;
          break;
        case "reads":
          reads = Integer.parseInt(kv[1]);
          break;
        case "only":
          only = kv[1];
          break;
        case "fill":
          fill = Long.parseLong(kv[1]);
          break;
        case "proofs":
          proofs = Integer.parseInt(kv[1]);
          break;
        case "home":
          home = Path.of(kv[1]);
          break;
        default:
          properties.add(arg);
      }
    }
    if (home == null) {
      home = TestHomes.fresh("load-");
    }
    properties.add("saksi.home=" + home);
    properties.add("logging.level.root=WARN");
    // Only the write path: no test read model consuming the events alongside.
    properties.add("saksi.test.recorded-statements=false");
    try (ConfigurableApplicationContext service =
        TestInstances.start(properties.toArray(new String[0]))) {
      int port = TestInstances.port(service);
      if (only.equals("proof")) {
        ProofLoad.run(service, port, fill, proofs);
        System.exit(0);
      }
      LedgerTables ledger = new LedgerTables(service.getBean(DataSource.class));
      StandardAgencies.register(new LedgerClient(port));
      Load load = new Load(port, clients);
      System.out.printf(
          Locale.ROOT,
          "cores=%d, service and load generator in one JVM, embedded PostgreSQL with fsync on%n",
          Runtime.getRuntime().availableProcessors());
      load.singles(clients, Math.max(100, singles / 10), false); // warm-up
      if (only.equals("soak")) {
        // Half the measured capacity of single appends (BENCHMARKS.md), for ten minutes.
        new SoakLoad(port, SoakLoad.probe(service.getBean(DataSource.class)))
            .run(rateGiven ? rate : 300, reads, secondsGiven ? seconds : 600);
      }
      if (only.equals("direct")) {
        direct(service.getBean(LedgerService.class), clients, singles);
      }
      if (only.isEmpty() || only.equals("singles")) {
        load.singles(clients, singles, true);
      }
      if (only.isEmpty() || only.equals("batches")) {
        load.batches(clients, batches, batch);
      }
      if (only.isEmpty() || only.equals("rate")) {
        load.rate(rate, seconds);
      }
      if (only.isEmpty() || only.equals("lag")) {
        load.checkpointLag(
            NoteVerifierKey.parse(
                Files.readString(home.resolve("log.vkey"), StandardCharsets.UTF_8).strip()),
            service.getEnvironment().getProperty("saksi.log.origin", "localhost/saksi"));
      }
      ledger.assertConsistent();
      System.out.printf(Locale.ROOT, "ledger size %d, consistent%n", ledger.size());
    }
    System.exit(0);
  }

  /**
   * Singles without HTTP: each client thread calls the service's write path directly, to tell the
   * write path's own ceiling from the cost of HTTP.
   */
  static void direct(LedgerService ledger, int clients, int each) throws Exception {
    List<List<SignedStatement>> prepared = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<SignedStatement> mine = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        Submissions.Signed s =
            Submissions.sign(
                AGENCIES.get(c % AGENCIES.size()),
                "instrument.issued",
                Bodies.freshInstrument(),
                Bodies.circular("800/" + i + "/DIRECT/2023"));
        mine.add(SubmissionParser.check(s.statement(), s.signatures(), s.disclosures()));
      }
      prepared.add(mine);
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (List<SignedStatement> mine : prepared) {
      futures.add(
          pool.submit(
              () -> {
                for (SignedStatement s : mine) {
                  if (!(ledger.submit(s) instanceof WriteResult.Appended)) {
                    throw new IllegalStateException("refused");
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        "direct (no HTTP): %d clients x %d = %d entries in %.2f s = %.0f entries/s%n",
        clients,
        each,
        clients * each,
        seconds,
        clients * each / seconds);
  }

  /** The agencies the clients sign for, one per client, round robin. */
  static final List<String> AGENCIES =
      List.of(
          "BAWASLU",
          "BKN",
          "KASN",
          "KEMENPANRB",
          "KEMENDAGRI",
          "PEMPROV-LAMPUNG",
          "PEMKOT-METRO",
          "KEMENKEU");

  private static final class Load {
    final HttpClient http;
    final URI single;
    final URI batchUri;
    final URI checkpoint;
    final AtomicInteger serial = new AtomicInteger();

    Load(int port, int clients) {
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(Math.max(2, clients)))
              .build();
      this.single = URI.create("http://localhost:" + port + "/statements");
      this.batchUri = URI.create("http://localhost:" + port + "/statements/batch");
      this.checkpoint = URI.create("http://localhost:" + port + "/checkpoint");
    }

    /** A signed submission of a new circular, as request bytes. */
    byte[] statement(String agency) {
      int n = serial.incrementAndGet();
      return Submissions.sign(
              agency,
              "instrument.issued",
              Bodies.freshInstrument(),
              Bodies.circular("800/" + n + "/LOAD/2023"))
          .bytes();
    }

    byte[] batchOf(String agency, int size) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      ArrayNode items = body.putArray("items");
      for (int i = 0; i < size; i++) {
        int n = serial.incrementAndGet();
        items.add(
            Submissions.sign(
                    agency,
                    "instrument.issued",
                    Bodies.freshInstrument(),
                    Bodies.circular("800/" + n + "/LOAD/2023"))
                .json());
      }
      return CanonicalJson.canonicalize(body);
    }

    long post(URI uri, byte[] body, int expected) throws Exception {
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(120))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      long t = System.nanoTime() - t0;
      if (r.statusCode() != expected) {
        throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
      }
      return t;
    }

    void singles(int clients, int each, boolean report) throws Exception {
      List<List<byte[]>> prepared = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        List<byte[]> mine = new ArrayList<>(each);
        for (int i = 0; i < each; i++) {
          mine.add(statement(AGENCIES.get(c % AGENCIES.size())));
        }
        prepared.add(mine);
      }
      long[] latencies = new long[clients * each];
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int offset = c * each;
        List<byte[]> mine = prepared.get(c);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < mine.size(); i++) {
                    latencies[offset + i] = post(single, mine.get(i), 201);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double s = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      if (report) {
        System.out.printf(
            Locale.ROOT,
            "singles: %d clients x %d = %d entries in %.2f s = %.0f entries/s; latency ms"
                + " p50=%.1f p99=%.1f max=%.1f%n",
            clients,
            each,
            clients * each,
            s,
            clients * each / s,
            percentile(latencies, 50),
            percentile(latencies, 99),
            percentile(latencies, 100));
      }
    }

    void batches(int clients, int each, int size) throws Exception {
      List<List<byte[]>> prepared = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        List<byte[]> mine = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          mine.add(batchOf(AGENCIES.get(c % AGENCIES.size()), size));
        }
        prepared.add(mine);
      }
      long[] latencies = new long[clients * each];
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int offset = c * each;
        List<byte[]> mine = prepared.get(c);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < mine.size(); i++) {
                    latencies[offset + i] = post(batchUri, mine.get(i), 200);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double s = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      long entries = (long) clients * each * size;
      System.out.printf(
          Locale.ROOT,
          "batches: %d clients x %d batches of %d = %d entries in %.2f s = %.0f entries/s;"
              + " batch latency ms p50=%.0f max=%.0f%n",
          clients,
          each,
          size,
          entries,
          s,
          entries / s,
          percentile(latencies, 50),
          percentile(latencies, 100));
    }

    /**
     * Open-loop: requests leave at their scheduled times whatever the answers do, and latency is
     * measured from the scheduled time, so a stall is not hidden by the senders waiting.
     */
    void rate(int perSecond, int seconds) throws Exception {
      int n = perSecond * seconds;
      List<byte[]> prepared = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        prepared.add(statement(AGENCIES.get(i % AGENCIES.size())));
      }
      long[] latencies = new long[n];
      ExecutorService pool = Executors.newFixedThreadPool(64);
      long interval = 1_000_000_000L / perSecond;
      long start = System.nanoTime() + 100_000_000L;
      List<Future<?>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        int k = i;
        futures.add(
            pool.submit(
                () -> {
                  post(single, prepared.get(k), 201);
                  latencies[k] = System.nanoTime() - due;
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      System.out.printf(
          Locale.ROOT,
          "steady %d/s for %d s (%d singles): latency ms p50=%.1f p99=%.1f p99.9=%.1f max=%.1f%n",
          perSecond,
          seconds,
          n,
          percentile(latencies, 50),
          percentile(latencies, 99),
          percentile(latencies, 99.9),
          percentile(latencies, 100));
    }

    /** Time from an append's answer to the first served checkpoint that covers it. */
    void checkpointLag(NoteVerifierKey key, String origin) throws Exception {
      int samples = 20;
      long[] lags = new long[samples];
      for (int i = 0; i < samples; i++) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(single)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(statement("BKN")))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long answered = System.nanoTime();
        long index =
            tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(r.body())
                .get("index")
                .longValue();
        while (true) {
          HttpResponse<byte[]> c =
              http.send(
                  HttpRequest.newBuilder(checkpoint).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          Checkpoint cp = Checkpoints.open(c.body(), key, origin);
          if (cp.size() > index) {
            lags[i] = System.nanoTime() - answered;
            break;
          }
          Thread.sleep(5);
        }
        Thread.sleep(300);
      }
      System.out.printf(
          Locale.ROOT,
          "checkpoint lag after an append: ms p50=%.0f max=%.0f (%d samples)%n",
          percentile(lags, 50),
          percentile(lags, 100),
          samples);
    }
  }

  static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }
}
