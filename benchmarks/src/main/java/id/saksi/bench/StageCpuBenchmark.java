package id.saksi.bench;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.Statements;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.LineReader;
import id.saksi.core.testing.LedgerGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-entry stages of the verifier's parallel work in CPU time of the measuring thread (not
 * wall time), so that the figures hold on a machine other work shares: reading an entry ({@link
 * Entry#parse}), reading its record ({@link DomainModel#parse}, with the body copy the verifier
 * makes) and verifying its signature. Not JMH: JMH's rates are wall-clock rates, which the load of
 * a shared machine moves by a factor of ten.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar id.saksi.bench.StageCpuBenchmark target/verify-bench/n1000000/ledger.zip
 * </pre>
 *
 * <p>Arguments: an export (such as the one {@link VerifyBenchmark} generates), and how many of its
 * entries after the first 100 to use (default 20,000). Each stage runs 10 rounds over them; the
 * report gives the last 5 rounds' median in microseconds of CPU per entry.
 */
public final class StageCpuBenchmark {
  private static final int SKIP = 100;
  private static final int ROUNDS = 10;

  private StageCpuBenchmark() {}

  /** One stage over all sample entries; returns something derived so nothing is optimised away. */
  private interface Stage {
    long run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path zip = Path.of(args.length > 0 ? args[0] : "target/verify-bench/n1000000/ledger.zip");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    if (!Files.exists(zip)) {
      throw new IllegalArgumentException(zip + " does not exist: run VerifyBenchmark first");
    }
    byte[][] leaves = new byte[n][];
    Entry[] entries = new Entry[n];
    Ed25519PublicKey[] keys = new Ed25519PublicKey[n];
    try (ExportReader r = ExportReader.open(zip);
        LineReader lines = r.entries()) {
      for (int i = 0; i < SKIP; i++) {
        lines.next();
      }
      for (int i = 0; i < n; i++) {
        leaves[i] = lines.next().bytes();
        entries[i] = Entry.parse(leaves[i]);
        keys[i] = LedgerGenerator.key(entries[i].statement().agency()).publicKey();
      }
    }
    measure(
        "Entry.parse",
        n,
        () -> {
          long sum = 0;
          for (byte[] leaf : leaves) {
            sum += Entry.parse(leaf).index();
          }
          return sum;
        });
    measure(
        "DomainModel.parse (with body copy)",
        n,
        () -> {
          long sum = 0;
          for (Entry e : entries) {
            Statement s = e.statement();
            sum += DomainModel.parse(s.type(), s.subject(), s.body()).commitments().size();
          }
          return sum;
        });
    measure(
        "Statements.verify",
        n,
        () -> {
          for (int i = 0; i < n; i++) {
            Statements.verify(entries[i].statement(), entries[i].signatures().get(0), keys[i]);
          }
          return n;
        });
  }

  private static void measure(String name, int n, Stage stage) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] perEntry = new double[ROUNDS];
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long t0 = mx.getCurrentThreadCpuTime();
      sink += stage.run();
      perEntry[round] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / n;
    }
    double[] last = java.util.Arrays.copyOfRange(perEntry, ROUNDS / 2, ROUNDS);
    java.util.Arrays.sort(last);
    System.out.printf(
        Locale.ROOT,
        "%-36s %7.2f us of CPU per entry (last rounds %s) [%d]%n",
        name,
        last[last.length / 2],
        java.util.Arrays.toString(round(last)),
        sink % 10);
  }

  private static double[] round(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.round(v[i] * 100) / 100.0;
    }
    return out;
  }
}
