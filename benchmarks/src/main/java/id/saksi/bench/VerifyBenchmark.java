package id.saksi.bench;

import id.saksi.core.entry.Entry;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.LineReader;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.testing.LedgerGenerator;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Full verification of a large export (every signature, the chain, the tree, the domain replay),
 * against the raw Bouncy Castle Ed25519 verification rate on the same number of threads, measured
 * in the same run before and after. Target: at least 85% of the raw rate. Not JMH: one verification
 * of 1,000,000 entries takes most of a minute.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar id.saksi.bench.VerifyBenchmark 1000000 2
 * </pre>
 *
 * <p>Arguments: entries (default 1,000,000), threads (default 2), folder for the generated ledger
 * (default {@code target/verify-bench}; a ledger once generated is reused). Besides wall-clock
 * rates it reports CPU time per entry and per raw verification (Linux), the steadier figures on a
 * machine that other work shares.
 */
public final class VerifyBenchmark {
  private VerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Path.of(args.length > 2 ? args[2] : "target/verify-bench").resolve("n" + entries);
    Files.createDirectories(dir);
    Path zip = dir.resolve("ledger.zip");
    if (!Files.exists(zip)) {
      long t0 = System.nanoTime();
      LedgerGenerator.generate(entries, zip, threads);
      System.out.printf(
          Locale.ROOT, "generated %d entries in %.1f s: %s%n", entries, secs(t0), zip);
    }
    System.out.printf(
        Locale.ROOT,
        "export %s: %.1f MB; %d threads, %d processors%n",
        zip,
        Files.size(zip) / 1e6,
        threads,
        Runtime.getRuntime().availableProcessors());
    List<Sample> samples = samples(zip, 4096);

    Rate before = rawRate(samples, threads, 10);
    System.out.printf(Locale.ROOT, "raw Ed25519 verify (Bouncy Castle): %s%n", before);

    VerifyOptions options =
        VerifyOptions.of(NoteVerifierKey.parse(Files.readString(dir.resolve("log.vkey")).strip()))
            .withThreads(threads);
    ThreadCpu threadCpu = ThreadCpu.start();
    long t0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    VerificationReport r = ExportVerifier.verify(zip, options);
    Rate full =
        new Rate(r.counts().entries() / secs(t0), (cpuSeconds() - cpu0) / r.counts().entries());
    System.out.print(threadCpu.stop(r.counts().entries()));
    if (!r.failures().isEmpty()) {
      throw new IllegalStateException("the generated ledger did not verify: " + r.failures());
    }
    System.out.printf(
        Locale.ROOT,
        "full verification: %d entries, %d signatures, %d records: %s%n",
        r.counts().entries(),
        r.counts().signatures(),
        r.counts().records(),
        full);

    Rate after = rawRate(samples, threads, 10);
    Rate raw = new Rate((before.perSecond + after.perSecond) / 2, (before.cpu + after.cpu) / 2);
    System.out.printf(Locale.ROOT, "raw Ed25519 verify again: %s; mean %s%n", after, raw);
    System.out.printf(
        Locale.ROOT,
        "full verification / raw verify: %.1f%% by rate, %.1f%% by CPU time (target 85%%)%n",
        100 * full.perSecond / raw.perSecond,
        100 * raw.cpu / full.cpu);
  }

  /** Operations per second and CPU seconds per operation. */
  private record Rate(double perSecond, double cpu) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f /s, %.1f us of CPU each", perSecond, cpu * 1e6);
    }
  }

  /**
   * CPU seconds this process has used (user and system), from /proc/self/stat (Linux); NaN
   * elsewhere. Fields 14 and 15 of proc(5), in clock ticks of 1/100 s.
   */
  static double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** A statement's signed bytes, its signature and the key that made it. */
  private record Sample(byte[] message, byte[] signature, Ed25519PublicKeyParameters key) {}

  /** The first {@code n} statements of the export after its setup, as the verifier sees them. */
  private static List<Sample> samples(Path zip, int n) throws Exception {
    List<Sample> out = new ArrayList<>(n);
    try (ExportReader r = ExportReader.open(zip);
        LineReader lines = r.entries()) {
      LineReader.Line line;
      while (out.size() < n && (line = lines.next()) != null) {
        Entry e = Entry.parse(line.bytes());
        if (e.statement().subject().equals("registry")) {
          continue;
        }
        byte[] pub = LedgerGenerator.key(e.statement().agency()).publicKey().bytes();
        out.add(
            new Sample(
                e.statement().canonicalBytes(),
                e.signatures().get(0).signature().bytes(),
                new Ed25519PublicKeyParameters(pub)));
      }
    }
    return out;
  }

  private static boolean verify(Sample s) {
    return s.key()
        .verify(
            Ed25519.Algorithm.Ed25519, null, s.message(), 0, s.message().length, s.signature(), 0);
  }

  /** Raw verifications over {@code threads} threads for {@code seconds}, after a warm-up. */
  private static Rate rawRate(List<Sample> samples, int threads, int seconds) throws Exception {
    for (int i = 0; i < 20_000; i++) {
      verify(samples.get(i % samples.size()));
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong count = new AtomicLong();
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int offset = t * 97;
      ts[t] =
          new Thread(
              () -> {
                long local = 0;
                int i = offset;
                while (!stop.get()) {
                  if (!verify(samples.get(i++ % samples.size()))) {
                    throw new IllegalStateException("a sample signature does not verify");
                  }
                  local++;
                }
                count.addAndGet(local);
              });
    }
    long t0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    for (Thread t : ts) {
      t.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : ts) {
      t.join();
    }
    return new Rate(count.get() / secs(t0), (cpuSeconds() - cpu0) / count.get());
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
