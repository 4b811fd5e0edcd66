package id.saksi.bench;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.Ed25519Signature;
import id.saksi.core.crypto.InvalidSignatureException;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 (Bouncy Castle) on a 1 KB message, and opening a signed checkpoint. Target: verify at
 * least 12,000/s per core. Operations per second per thread; run with {@code -t 2} for both cores.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Ed25519 -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519Benchmark {
  private static final String ORIGIN = "saksi.example/log";

  private Ed25519PrivateKey privateKey;
  private Ed25519PublicKey publicKey;
  private byte[] message;
  private Ed25519Signature signature;
  private NoteSigner logSigner;
  private NoteVerifierKey logKey;
  private Checkpoint checkpoint;
  private byte[] signedCheckpoint;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    byte[] seed = new byte[Ed25519PrivateKey.SIZE];
    random.nextBytes(seed);
    privateKey = Ed25519PrivateKey.fromSeed(seed);
    publicKey = privateKey.publicKey();
    message = new byte[1024];
    random.nextBytes(message);
    signature = privateKey.sign(message);
    logSigner = NoteSigner.of(ORIGIN, privateKey);
    logKey = logSigner.verifierKey();
    checkpoint = new Checkpoint(ORIGIN, 1_000_000, Hashing.sha256(message));
    signedCheckpoint = Checkpoints.sign(checkpoint, logSigner);
  }

  /** Ed25519 signature of a 1 KB message. */
  @Benchmark
  public Ed25519Signature sign1k() {
    return privateKey.sign(message);
  }

  /** Ed25519 verification of a 1 KB message; throws if the signature is bad (it never is). */
  @Benchmark
  public Ed25519PublicKey verify1k() throws InvalidSignatureException {
    publicKey.verify(message, signature);
    return publicKey;
  }

  /** Format and sign a checkpoint as a signed note. */
  @Benchmark
  public byte[] signCheckpoint() {
    return Checkpoints.sign(checkpoint, logSigner);
  }

  /** Parse a signed checkpoint note, verify the log's signature, parse and check the origin. */
  @Benchmark
  public Checkpoint openCheckpoint() throws Exception {
    return Checkpoints.open(signedCheckpoint, logKey, ORIGIN);
  }

  /** Parse a signed checkpoint note without verifying: the cost of the format alone. */
  @Benchmark
  public SignedNote parseCheckpointNote() throws Exception {
    return SignedNote.parse(signedCheckpoint);
  }
}
