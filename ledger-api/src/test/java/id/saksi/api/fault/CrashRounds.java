package id.saksi.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The crash test of issue 6 (DESIGN.md invariant 6): the service runs as a separate process on one
 * data directory (embedded PostgreSQL); several client threads post signed statements to it over
 * HTTP while another reads checkpoints; it is killed with SIGKILL at a random moment, restarted,
 * and so on for many rounds. Some rounds (after the second) are killed while the service is still
 * starting. At the end the service starts once more and {@link #verify} checks that every
 * acknowledged receipt is in the ledger at its index with its leaf hash and previous hash, that
 * every statement sent but not acknowledged is there once or not at all, that the ledger is dense
 * with its chain and tree intact, and that every checkpoint stored or served is of that one tree
 * (so no two are inconsistent); then the standalone verifier's {@code verify-db} must find the
 * database valid and its {@code check-receipts --url} every acknowledged receipt in the log.
 *
 * <p>{@link CrashTest} runs two rounds; the long version is this class's main method:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl ledger-api -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp ledger-api/target/test-classes:ledger-api/target/classes:$(cat ledger-api/target/test-classpath.txt) \
 *     id.saksi.api.fault.CrashRounds rounds=50 writers=6 seed=1
 * </pre>
 *
 * The data directory is a fresh one under target/ (of the working directory); it is kept, so a
 * failure can be looked into.
 */
public final class CrashRounds {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** A receipt a writer was given: the statement's subject, its index and the signed receipt. */
  record Ack(String subject, long index, String receipt) {}

  /** What {@link #verify} checked. */
  public record Summary(
      int rounds,
      int startupKills,
      long size,
      int acknowledged,
      int unsettled,
      int unsettledPresent,
      int checkpointsStored,
      int checkpointsServed,
      String verifier) {
    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%d rounds survived (%d killed while starting); ledger size %d; %d acknowledged receipts"
              + " found at their index; %d statements sent without an answer, %d of them in the"
              + " ledger (once), the rest absent; %d stored and %d served checkpoints all of one"
              + " tree; %s",
          rounds,
          startupKills,
          size,
          acknowledged,
          unsettled,
          unsettledPresent,
          checkpointsStored,
          checkpointsServed,
          verifier);
    }
  }

  private final Path home;
  private final Random random;
  private final int writers;
  private final PrintStream log;
  private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> unsettled = ConcurrentHashMap.newKeySet();
  private final List<byte[]> servedCheckpoints = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private long lastStartMillis = 10_000;
  private int rounds;
  private int startupKills;

  /**
   * A crash run on a fresh data directory.
   *
   * @param seed seeds the kill moments, so a run can be repeated (up to thread scheduling)
   * @param writers client threads posting statements
   */
  public CrashRounds(long seed, int writers, PrintStream log) {
    this.home = TestHomes.fresh("crash-");
    this.random = new Random(seed);
    this.writers = writers;
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      options.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    int writers = Integer.parseInt(options.getOrDefault("writers", "6"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CrashRounds run = new CrashRounds(seed, writers, out);
    out.println("data directory " + run.home);
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      run.round(r >= 2 && run.random.nextInt(4) == 0);
    }
    out.println("verifying...");
    Summary summary = run.verify();
    out.printf(
        java.util.Locale.ROOT,
        "PASSED in %d s: %s%n",
        (System.nanoTime() - start) / 1_000_000_000L,
        summary);
    System.exit(0);
  }

  /** The data directory. */
  public Path home() {
    return home;
  }

  /**
   * One round: start the service as a child process, write through it, kill it with SIGKILL.
   *
   * @param whileStarting kill it at a random moment of its start instead
   */
  public void round(boolean whileStarting) throws Exception {
    rounds++;
    Process child =
        new ProcessBuilder(
                JAVA,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ServeUntilKilled.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuffer output = new StringBuffer();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.startsWith("PORT ")) {
                    port.complete(Integer.parseInt(line.substring(5)));
                  } else if (output.length() < 20_000) {
                    output.append(line).append('\n');
                  }
                }
              } catch (Exception e) {
                // the child is gone
              }
              port.completeExceptionally(new IllegalStateException("the child ended"));
            },
            "crash-child-output");
    drain.setDaemon(true);
    drain.start();
    long started = System.nanoTime();
    try {
      if (whileStarting) {
        startupKills++;
        long delay = (long) (random.nextDouble() * lastStartMillis);
        Thread.sleep(delay);
        log.printf(java.util.Locale.ROOT, "round %d: killed %d ms into its start%n", rounds, delay);
        return;
      }
      int p;
      try {
        p = port.get(3, TimeUnit.MINUTES);
      } catch (Exception e) {
        throw new AssertionError("round " + rounds + ": the service did not start:\n" + output, e);
      }
      lastStartMillis = (System.nanoTime() - started) / 1_000_000L;
      LedgerClient client = new LedgerClient(p);
      // Replays the same entries after the first round (200 instead of 201).
      StandardAgencies.register(client);
      int before = acks.size();
      long delay = 300 + random.nextInt(2200);
      write(client, delay, child);
      log.printf(
          java.util.Locale.ROOT,
          "round %d: started in %d ms, killed after %d ms of writes, %d acknowledged%n",
          rounds,
          lastStartMillis,
          delay,
          acks.size() - before);
    } finally {
      child.destroyForcibly(); // SIGKILL on Unix
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("round " + rounds + ": the killed child did not end");
      }
    }
  }

  /** Writers and a checkpoint reader run against the child until it is killed after {@code ms}. */
  private void write(LedgerClient client, long ms, Process child) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      for (int w = 0; w < writers; w++) {
        pool.execute(
            () -> {
              while (!stop.get()) {
                Submissions.Signed s = Bodies.newCircular();
                String subject = s.statement().subject();
                unsettled.add(subject);
                LedgerClient.Response r;
                try {
                  r = client.post(s);
                } catch (AssertionError e) {
                  return; // the connection broke: the service is gone
                }
                if (r.status() == 201) {
                  acks.add(new Ack(subject, r.index(), r.json().get("receipt").asString()));
                  unsettled.remove(subject);
                } else if (r.status() / 100 == 4 && r.status() != 429) {
                  unexpected.add(r.status() + " " + r.body());
                  return;
                }
              }
            });
      }
      pool.execute(
          () -> {
            while (!stop.get()) {
              try {
                LedgerClient.Response r = client.get("/checkpoint");
                if (r.status() == 200) {
                  servedCheckpoints.add(r.body().getBytes(StandardCharsets.UTF_8));
                }
                Thread.sleep(150);
              } catch (AssertionError e) {
                return;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
      Thread.sleep(ms);
    } finally {
      // Killed while the writers are still writing: that is the point. They end when their
      // connections break.
      child.destroyForcibly();
      stop.set(true);
      pool.shutdown();
      if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new AssertionError("writers still running two minutes after the kill");
      }
    }
  }

  /**
   * Starts the service once more on the data directory and checks everything the crashes must not
   * have broken.
   */
  public Summary verify() throws Exception {
    assertThat(unexpected).as("refusals of valid statements").isEmpty();
    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "logging.level.root=WARN")) {
      DataSource db = service.getBean(DataSource.class);
      ServiceKeys keys = service.getBean(ServiceKeys.class);
      NoteVerifierKey logKey = keys.logVerifierKey();
      String origin = keys.origin();
      LedgerTables tables = new LedgerTables(db);
      // Dense from 0, chain links, head, tree nodes, events one to one, stored checkpoint roots.
      tables.assertConsistent();
      List<Entry> entries = tables.entries();
      MerkleTree tree = MerkleTree.create(new InMemoryHashStore());
      Map<String, Integer> perSubject = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        assertThat(e.index()).as("index of the %d-th entry", i).isEqualTo(i);
        tree.append(e.leafHash());
        perSubject.merge(e.statement().subject(), 1, Integer::sum);
      }
      long size = entries.size();

      for (Ack ack : acks) {
        Receipt receipt =
            Receipts.open(ack.receipt().getBytes(StandardCharsets.UTF_8), logKey, origin);
        assertThat(receipt.index()).as("receipt of %s", ack.subject()).isEqualTo(ack.index());
        assertThat(ack.index()).as("acknowledged index of %s", ack.subject()).isLessThan(size);
        Entry e = entries.get((int) ack.index());
        receipt.requireMatches(e);
        assertThat(e.statement().subject()).isEqualTo(ack.subject());
        assertThat(perSubject.get(ack.subject())).as(ack.subject()).isEqualTo(1);
      }
      int present = 0;
      for (String subject : unsettled) {
        int n = perSubject.getOrDefault(subject, 0);
        assertThat(n).as("entries of unacknowledged %s", subject).isBetween(0, 1);
        present += n;
      }

      List<byte[]> stored =
          new JdbcTemplate(db)
              .query("SELECT note FROM checkpoint ORDER BY size", (rs, n) -> rs.getBytes(1));
      List<Checkpoint> checkpoints = new ArrayList<>();
      for (byte[] note : stored) {
        checkpoints.add(Checkpoints.open(note, logKey, origin));
      }
      for (byte[] note : servedCheckpoints) {
        checkpoints.add(Checkpoints.open(note, logKey, origin));
      }
      for (Checkpoint c : checkpoints) {
        assertThat(c.size()).as("checkpoint size").isBetween(1L, size);
        assertThat(c.rootHash())
            .as("root of checkpoint %d", c.size())
            .isEqualTo(tree.root(c.size()));
      }
      // Each pair of checkpoints, in size order, is proved consistent as a verifier would.
      checkpoints.sort(java.util.Comparator.comparingLong(Checkpoint::size));
      for (int i = 1; i < checkpoints.size(); i++) {
        Checkpoint older = checkpoints.get(i - 1);
        Checkpoint newer = checkpoints.get(i);
        tree.consistencyProof(older.size(), newer.size())
            .verify(older.rootHash(), newer.rootHash());
      }
      Hash root = tree.root();
      assertThat(tables.headRoot()).isEqualTo(root);

      // And it keeps serving.
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      LedgerClient.Response r = client.post(Bodies.newCircular());
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.index()).isEqualTo(size);

      // The standalone verifier's verdict, as an auditor would get it: verify-db over every
      // entry (a checkpoint signed first to cover them all), and every acknowledged receipt
      // checked against the service with check-receipts --url.
      VerifierRuns.checkpointCovering(service, size + 1);
      VerifierRuns.verifyDbPasses(db, keys, log);
      List<String> receipts = new ArrayList<>();
      for (Ack ack : acks) {
        receipts.add(ack.receipt());
      }
      if (!receipts.isEmpty()) {
        VerifierRuns.checkReceiptsPass(TestInstances.port(service), keys, receipts, home, log);
      }

      return new Summary(
          rounds,
          startupKills,
          size,
          acks.size(),
          unsettled.size(),
          present,
          stored.size(),
          servedCheckpoints.size(),
          "verify-db VALID over "
              + (size + 1)
              + " entries; check-receipts VALID for "
              + receipts.size()
              + " receipts");
    }
  }
}
