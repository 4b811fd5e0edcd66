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
  // The key that signs the since checkpoint: the log key, or a retired (or later) key of the log
  // that the caller has already found trusted at that checkpoint's size (a rotation's transition).
  private final NoteVerifierKey sinceKey;
  private final int threads;
  private final int maxFailures;

  private VerifyOptions(
      NoteVerifierKey logKey,
      String origin,
      byte[] since,
      NoteVerifierKey sinceKey,
      int threads,
      int maxFailures) {
    this.logKey = Objects.requireNonNull(logKey, "logKey");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.since = since;
    this.sinceKey = sinceKey == null ? logKey : sinceKey;
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
        logKey, logKey.name(), null, null, Runtime.getRuntime().availableProcessors(), 1);
  }

  /** These options with another origin. */
  public VerifyOptions withOrigin(String origin) {
    return new VerifyOptions(logKey, origin, since, keyOfSince(), threads, maxFailures);
  }

  /** These options with an older signed checkpoint the export's must extend. */
  public VerifyOptions withSince(byte[] signedCheckpoint) {
    return new VerifyOptions(logKey, origin, signedCheckpoint.clone(), null, threads, maxFailures);
  }

  /**
   * These options with an older signed checkpoint the export's must extend, signed by {@code
   * signedBy}: a key of the log other than {@link #logKey()} that the caller trusts at that
   * checkpoint's tree size (a retired key vouched for by a rotation's transition checkpoint).
   */
  public VerifyOptions withSince(byte[] signedCheckpoint, NoteVerifierKey signedBy) {
    return new VerifyOptions(
        logKey,
        origin,
        signedCheckpoint.clone(),
        Objects.requireNonNull(signedBy, "signedBy"),
        threads,
        maxFailures);
  }

  private NoteVerifierKey keyOfSince() {
    return sinceKey.equals(logKey) ? null : sinceKey;
  }

  /** These options with {@code threads} signature-checking threads. */
  public VerifyOptions withThreads(int threads) {
    return new VerifyOptions(logKey, origin, since, keyOfSince(), threads, maxFailures);
  }

  /** These options collecting up to {@code maxFailures} failures before stopping. */
  public VerifyOptions withMaxFailures(int maxFailures) {
    return new VerifyOptions(logKey, origin, since, keyOfSince(), threads, maxFailures);
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

  /** The key that signs the older checkpoint: the log key unless given with it. */
  public NoteVerifierKey sinceKey() {
    return sinceKey;
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
