package id.saksi.bench;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.entry.ChainVerifier;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.Statements;
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
 * The verifier's work per entry, stage by stage, on one thread, over the entries of a generated
 * ledger: reading and inflating the lines, parsing each as an entry ({@link Entry#parse}: strict
 * JSON, canonical form, fields), reading its record ({@link DomainModel#parse}), verifying its
 * signature, and the sequential stage's structural checks alone (leaf hash, {@link ChainVerifier},
 * {@link CompactRange}). Entries per second; targets: chain and tree at least 1,000,000/s; the
 * share of the signature in the sum bounds what full verification can reach against raw Ed25519.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar VerifyStages -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyStagesBenchmark {
  static final int N = 20_000;
  static final int SETUP = 20;

  private Path dir;
  private Path zip;
  private byte[][] leaves;
  private Entry[] entries;
  private long[] indexes;
  private Hash[] prevs;
  private Ed25519PublicKey[] keys;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("verify-stages");
    zip = dir.resolve("ledger.zip");
    LedgerGenerator.generate(SETUP + N, zip, Runtime.getRuntime().availableProcessors());
    leaves = new byte[N][];
    entries = new Entry[N];
    indexes = new long[N];
    prevs = new Hash[N];
    keys = new Ed25519PublicKey[N];
    try (ExportReader r = ExportReader.open(zip);
        LineReader lines = r.entries()) {
      for (int i = 0; i < SETUP; i++) {
        lines.next();
      }
      for (int i = 0; i < N; i++) {
        leaves[i] = lines.next().bytes();
        entries[i] = Entry.parse(leaves[i]);
        indexes[i] = entries[i].index();
        prevs[i] = entries[i].prev();
        keys[i] = LedgerGenerator.key(entries[i].statement().agency()).publicKey();
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
    ChainVerifier chain = ChainVerifier.resumeAfter(SETUP - 1, prevs[0]);
    CompactRange tree = new CompactRange();
    for (int i = 0; i < N; i++) {
      Hash leaf = Hashing.leafHash(leaves[i]);
      chain.append(indexes[i], prevs[i], leaf);
      tree.append(leaf);
    }
    return tree.root();
  }

  /**
   * The chain link and tree append alone, given the leaf hashes: what the verifier's sequential
   * stage does, since the parsing threads have hashed the leaves.
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public Hash chainAndTreeGivenLeafHashes() throws Exception {
    ChainVerifier chain = ChainVerifier.resumeAfter(SETUP - 1, prevs[0]);
    CompactRange tree = new CompactRange();
    for (int i = 0; i < N; i++) {
      Hash leaf = entries[i].leafHash();
      chain.append(indexes[i], prevs[i], leaf);
      tree.append(leaf);
    }
    return tree.root();
  }

  /** Reading and inflating every line of entries.jsonl from the bundle. */
  @Benchmark
  @OperationsPerInvocation(SETUP + N)
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

  /** Each line read as an entry: strict JSON, canonical form, every field. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long entryParse() throws Exception {
    long sum = 0;
    for (byte[] leaf : leaves) {
      sum += Entry.parse(leaf).index();
    }
    return sum;
  }

  /** Each entry's record read by the domain (type, subject, body schema). */
  @Benchmark
  @OperationsPerInvocation(N)
  public int recordParse() throws Exception {
    int sum = 0;
    for (Entry e : entries) {
      Statement s = e.statement();
      ParsedRecord r = DomainModel.parse(s.type(), s.subject(), s.body());
      sum += r.commitments().size();
    }
    return sum;
  }

  /** Each entry's signature verified (Ed25519, Bouncy Castle, through the core's API). */
  @Benchmark
  @OperationsPerInvocation(N)
  public int signature() throws Exception {
    for (int i = 0; i < N; i++) {
      Statements.verify(entries[i].statement(), entries[i].signatures().get(0), keys[i]);
    }
    return N;
  }
}
