package id.saksi.core.verify;

import id.saksi.core.note.NoteVerifierKey;
import java.util.Objects;
import java.util.Optional;

/**
 * How to verify: the log's key (the only thing trusted), the origin, an optional older checkpoint
 * to check consistency with, how many threads check signatures, and how many failures to collect
 * before stopping (1: stop at the first). Immutable.
 */
public final class VerifyOptions {
  /** Most failures {@code --all} lists. */
  public static final int MAX_FAILURES = 1000;

  private final NoteVerifierKey logKey;
  private final String origin;
  private final byte[] since;
  private final int threads;
  private final int maxFailures;

  private VerifyOptions(
      NoteVerifierKey logKey, String origin, byte[] since, int threads, int maxFailures) {
    this.logKey = Objects.requireNonNull(logKey, "logKey");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.since = since;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
    }
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be 1 or more, got " + maxFailures);
    }
    this.threads = threads;
    this.maxFailures = maxFailures;
  }

  /**
   * Verify against {@code logKey}, whose name is the log's origin (the C2SP convention), with one
   * thread per processor, stopping at the first failure.
   */
  public static VerifyOptions of(NoteVerifierKey logKey) {
    return new VerifyOptions(
        logKey, logKey.name(), null, Runtime.getRuntime().availableProcessors(), 1);
  }

  /** These options with another origin. */
  public VerifyOptions withOrigin(String origin) {
    return new VerifyOptions(logKey, origin, since, threads, maxFailures);
  }

  /** These options with an older signed checkpoint the export's must extend. */
  public VerifyOptions withSince(byte[] signedCheckpoint) {
    return new VerifyOptions(logKey, origin, signedCheckpoint.clone(), threads, maxFailures);
  }

  /** These options with {@code threads} signature-checking threads. */
  public VerifyOptions withThreads(int threads) {
    return new VerifyOptions(logKey, origin, since, threads, maxFailures);
  }

  /** These options collecting up to {@code maxFailures} failures before stopping. */
  public VerifyOptions withMaxFailures(int maxFailures) {
    return new VerifyOptions(logKey, origin, since, threads, maxFailures);
  }

  /** The log's verifier key. */
  public NoteVerifierKey logKey() {
    return logKey;
  }

  /** The log's origin. */
  public String origin() {
    return origin;
  }

  /** The older signed checkpoint, if any. */
  public Optional<byte[]> since() {
    return since == null ? Optional.empty() : Optional.of(since.clone());
  }

  /** Signature-checking threads. */
  public int threads() {
    return threads;
  }

  /** Failures collected before stopping. */
  public int maxFailures() {
    return maxFailures;
  }
}
