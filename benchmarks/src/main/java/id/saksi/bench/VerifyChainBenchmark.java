package id.saksi.bench;

import id.saksi.core.entry.ChainVerifier;
import id.saksi.core.entry.Entry;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.LineReader;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.testing.LedgerGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The verifier's structural checks alone, as its sequential stage runs them on entries already
 * parsed by the signature threads: the leaf hash of each line, the hash chain ({@link
 * ChainVerifier}) and the Merkle tree ({@link CompactRange}), and, apart, reading and inflating the
 * lines from the ZIP. Entries per second; target: chain and tree at least 1,000,000/s.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar VerifyChain -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyChainBenchmark {
  static final int N = 100_000;

  private Path dir;
  private Path zip;
  private byte[][] leaves;
  private long[] indexes;
  private Hash[] prevs;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("verify-chain");
    zip = dir.resolve("ledger.zip");
    LedgerGenerator.generate(N, zip, Runtime.getRuntime().availableProcessors());
    leaves = new byte[N][];
    indexes = new long[N];
    prevs = new Hash[N];
    try (ExportReader r = ExportReader.open(zip);
        LineReader lines = r.entries()) {
      for (int i = 0; i < N; i++) {
        leaves[i] = lines.next().bytes();
        Entry e = Entry.parse(leaves[i]);
        indexes[i] = e.index();
        prevs[i] = e.prev();
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  /** Leaf hash, chain link and tree append of every entry, then the root. */
  @Benchmark
  @OperationsPerInvocation(N)
  public Hash chainAndTree() throws Exception {
    ChainVerifier chain = ChainVerifier.fromGenesis();
    CompactRange tree = new CompactRange();
    for (int i = 0; i < N; i++) {
      Hash leaf = Hashing.leafHash(leaves[i]);
      chain.append(indexes[i], prevs[i], leaf);
      tree.append(leaf);
    }
    return tree.root();
  }

  /** Reading and inflating the lines of entries.jsonl from the bundle, nothing else. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long readLines() throws Exception {
    long bytes = 0;
    try (ExportReader r = ExportReader.open(zip);
        LineReader lines = r.entries()) {
      LineReader.Line l;
      while ((l = lines.next()) != null) {
        bytes += l.bytes().length;
      }
    }
    return bytes;
  }
}
