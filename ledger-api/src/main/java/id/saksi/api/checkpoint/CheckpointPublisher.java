package id.saksi.api.checkpoint;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints (c2sp.org/tlog-checkpoint) of the committed ledger and stores them before they
 * are published (DESIGN.md invariant 5). A checkpoint follows an append after {@code delay} (the
 * appends of that moment share it), and the database is looked at every {@code interval} for
 * appends this instance was not told of (other instances'); a checkpoint is signed whenever the
 * committed size has grown past the last one.
 *
 * <p>Who signs is decided in the database: a signer holds a transaction-scoped advisory lock, and
 * signs only a size greater than every stored checkpoint's, with the size and root read from the
 * committed head row in that same transaction. So two instances never sign one size twice, and
 * every checkpoint is of a tree that exists and only grows: no two checkpoints are inconsistent.
 */
public final class CheckpointPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

  /** The advisory lock that elects the signer; any constant that no other code uses. */
  static final long SIGNER_LOCK = 0x5341_4b53_4943_4b50L;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ServiceKeys keys;
  private final Duration delay;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** A publisher; call {@link #start} to begin the periodic look. */
  public CheckpointPublisher(
      JdbcTemplate jdbc, TransactionTemplate transactions, ServiceKeys keys, Duration delay) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.keys = keys;
    this.delay = delay;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "saksi-checkpoint");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts looking at the database every {@code interval}. */
  public void start(Duration interval) {
    // Failures are caught inside signQuietly, so the future carries nothing to look at.
    ScheduledFuture<?> unused =
        scheduler.scheduleWithFixedDelay(
            this::signQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Says that entries were committed: a checkpoint follows within {@code delay} and a signing. */
  public void appended() {
    if (scheduled.compareAndSet(false, true)) {
      ScheduledFuture<?> unused =
          scheduler.schedule(
              () -> {
                scheduled.set(false);
                signQuietly();
              },
              delay.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  private void signQuietly() {
    try {
      signIfGrown();
    } catch (RuntimeException e) {
      // The next append or the next periodic look tries again.
      log.atWarn().setCause(e).log("Could not sign a checkpoint");
    }
  }

  /**
   * Signs and stores a checkpoint of the committed ledger if it has grown since the last one and no
   * other signer is at work.
   *
   * @return the checkpoint signed, if any
   */
  public Optional<Checkpoint> signIfGrown() {
    Optional<Checkpoint> signed =
        transactions.execute(
            status -> {
              Boolean elected =
                  jdbc.queryForObject(
                      "SELECT pg_try_advisory_xact_lock(?)", Boolean.class, SIGNER_LOCK);
              if (!Boolean.TRUE.equals(elected)) {
                return Optional.<Checkpoint>empty();
              }
              // Committed data only: this transaction holds no lock on the head, so it sees the
              // head as of the last commit, never an append in progress.
              List<Object[]> head =
                  jdbc.query(
                      "SELECT size, root_hash FROM ledger_head WHERE id = 0",
                      (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
              long size = (Long) head.get(0)[0];
              Long last =
                  jdbc.queryForObject("SELECT coalesce(max(size), 0) FROM checkpoint", Long.class);
              if (size == 0 || size <= last) {
                return Optional.<Checkpoint>empty();
              }
              Checkpoint c = new Checkpoint(keys.origin(), size, Hash.of((byte[]) head.get(0)[1]));
              byte[] note = Checkpoints.sign(c, keys.logSigner());
              jdbc.update(
                  "INSERT INTO checkpoint (size, root_hash, note) VALUES (?, ?, ?)",
                  size,
                  c.rootHash().bytes(),
                  note);
              return Optional.of(c);
            });
    // Commit point. If the process dies before the commit, no checkpoint of this size exists and
    // none was published; the next signer, on any instance, signs the size it then finds. Once
    // committed, the checkpoint is stored before any reader can be given it.
    if (signed != null && signed.isPresent()) {
      log.atDebug()
          .addKeyValue("size", signed.get().size())
          .log("Signed the checkpoint of size {}", signed.get().size());
    }
    return signed == null ? Optional.empty() : signed;
  }

  /** The latest stored checkpoint, as its signed note, if one was signed. */
  public Optional<byte[]> latest() {
    List<byte[]> notes =
        jdbc.query(
            "SELECT note FROM checkpoint ORDER BY size DESC LIMIT 1", (rs, n) -> rs.getBytes(1));
    return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(0));
  }

  /** Stops; a signing in progress finishes first, so it never outlives the connection pool. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("A checkpoint signing did not finish within 10 s of shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
