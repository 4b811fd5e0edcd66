package id.saksi.core.verify;

import id.saksi.core.note.NoteVerifierKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to verify: the log's key (the only thing trusted), the origin, an optional older checkpoint
 * to check consistency with, how many threads check signatures, how many failures to collect before
 * stopping (1: stop at the first), and where the domain replay spills the states of the cases it no
 * longer holds in memory. Immutable.
 */
public final class VerifyOptions {
  /** Most failures {@code --all} lists. */
  public static final int MAX_FAILURES = 1000;

  /**
   * States of instruments, pacts and cases the domain replay keeps in memory by default (about 3 KB
   * each, so about 30 MB); the others are spilled to a temporary file.
   */
  public static final int STATES_IN_MEMORY = 10_000;

  private final NoteVerifierKey logKey;
  private final String origin;
  private final byte[] since;
  // The key that signs the since checkpoint: the log key, or a retired (or later) key of the log
  // that the caller has already found trusted at that checkpoint's size (a rotation's transition).
  private final NoteVerifierKey sinceKey;
  private final int threads;
  private final int maxFailures;
  private final Path workDir;
  private final int statesInMemory;

  private VerifyOptions(
      NoteVerifierKey logKey,
      String origin,
      byte[] since,
      NoteVerifierKey sinceKey,
      int threads,
      int maxFailures,
      Path workDir,
      int statesInMemory) {
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
    if (statesInMemory < 1) {
      throw new IllegalArgumentException("statesInMemory must be 1 or more, got " + statesInMemory);
    }
    this.threads = threads;
    this.maxFailures = maxFailures;
    this.workDir = workDir;
    this.statesInMemory = statesInMemory;
  }

  /**
   * Verify against {@code logKey}, whose name is the log's origin (the C2SP convention), with one
   * thread per processor, stopping at the first failure.
   */
  public static VerifyOptions of(NoteVerifierKey logKey) {
    return new VerifyOptions(
        logKey,
        logKey.name(),
        null,
        null,
        Runtime.getRuntime().availableProcessors(),
        1,
        null,
        STATES_IN_MEMORY);
  }

  /**
   * These options with {@code key} as the log key and no older checkpoint: the origin, threads,
   * failure limit and spill settings are kept.
   */
  public VerifyOptions withLogKey(NoteVerifierKey key) {
    return new VerifyOptions(
        Objects.requireNonNull(key, "key"),
        origin,
        null,
        null,
        threads,
        maxFailures,
        workDir,
        statesInMemory);
  }

  /** These options with another origin. */
  public VerifyOptions withOrigin(String origin) {
    return new VerifyOptions(
        logKey, origin, since, keyOfSince(), threads, maxFailures, workDir, statesInMemory);
  }

  /** These options with an older signed checkpoint the export's must extend. */
  public VerifyOptions withSince(byte[] signedCheckpoint) {
    return new VerifyOptions(
        logKey,
        origin,
        signedCheckpoint.clone(),
        null,
        threads,
        maxFailures,
        workDir,
        statesInMemory);
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
        maxFailures,
        workDir,
        statesInMemory);
  }

  private NoteVerifierKey keyOfSince() {
    return sinceKey.equals(logKey) ? null : sinceKey;
  }

  /** These options with {@code threads} signature-checking threads. */
  public VerifyOptions withThreads(int threads) {
    return new VerifyOptions(
        logKey, origin, since, keyOfSince(), threads, maxFailures, workDir, statesInMemory);
  }

  /** These options collecting up to {@code maxFailures} failures before stopping. */
  public VerifyOptions withMaxFailures(int maxFailures) {
    return new VerifyOptions(
        logKey, origin, since, keyOfSince(), threads, maxFailures, workDir, statesInMemory);
  }

  /**
   * These options with the domain replay's temporary file in {@code dir} (which must exist) instead
   * of {@code java.io.tmpdir}.
   */
  public VerifyOptions withWorkDir(Path dir) {
    return new VerifyOptions(
        logKey,
        origin,
        since,
        keyOfSince(),
        threads,
        maxFailures,
        Objects.requireNonNull(dir, "dir"),
        statesInMemory);
  }

  /**
   * These options with at most {@code n} states of instruments, pacts and cases in memory during
   * the domain replay (the rest spilled to the work folder). The verdict does not depend on it.
   */
  public VerifyOptions withStatesInMemory(int n) {
    return new VerifyOptions(logKey, origin, since, keyOfSince(), threads, maxFailures, workDir, n);
  }

  /** Where the domain replay spills states: the work folder given, or {@code java.io.tmpdir}. */
  public Path workDir() {
    return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** States of instruments, pacts and cases the domain replay keeps in memory. */
  public int statesInMemory() {
    return statesInMemory;
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
