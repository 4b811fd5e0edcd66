package id.saksi.api.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for single statements: requests queue their statement, and one writer thread appends
 * whatever is queued, up to a group size, in one transaction, so that many requests share one disk
 * flush (DESIGN.md: about 1.0-1.5k single-statement transactions per second here, several thousand
 * statements per second in groups). Each caller is answered only after the group's transaction has
 * committed.
 *
 * <p>Each statement in a group is judged on its own, so a refused statement refuses only itself. A
 * group whose transaction fails as a whole (a database error, a bug triggered by one statement) is
 * replayed one statement per transaction, so that one bad statement cannot fail the others; a
 * failure whose commit outcome is unknown is not replayed (the caller resubmits, and idempotency
 * makes that safe).
 */
public final class GroupCommitter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private final Function<List<SignedStatement>, List<WriteResult>> writer;
  private final BlockingQueue<Pending> queue;
  private final int groupSize;
  private final Thread thread;
  private volatile boolean closed;

  private record Pending(SignedStatement statement, CompletableFuture<WriteResult> answer) {}

  // Queued by close() so the writer finishes the group in hand, then stops.
  private static final Pending STOP = new Pending(null, new CompletableFuture<>());

  /**
   * A committer that appends with {@code writer}, which writes a list of statements in one
   * transaction, as the sequencer does.
   */
  public GroupCommitter(
      Function<List<SignedStatement>, List<WriteResult>> writer, int groupSize, int capacity) {
    if (groupSize < 1 || capacity < 1) {
      throw new IllegalArgumentException("group size and capacity must be >= 1");
    }
    this.writer = writer;
    this.groupSize = groupSize;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "saksi-group-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues {@code statement}; the future completes once its group has committed, with its result,
   * or exceptionally with a {@link WriteFailedException}.
   *
   * @return the answer, or empty if the queue is full (the caller refuses the request: 503)
   */
  public java.util.Optional<CompletableFuture<WriteResult>> submit(SignedStatement statement) {
    if (closed) {
      return java.util.Optional.empty();
    }
    CompletableFuture<WriteResult> answer = new CompletableFuture<>();
    if (!queue.offer(new Pending(statement, answer))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(answer);
  }

  private void run() {
    List<Pending> group = new ArrayList<>(groupSize);
    boolean stop = false;
    while (!stop) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      // No waiting for more: whatever queued while the last group committed goes now.
      queue.drainTo(group, groupSize - 1);
      stop = group.remove(STOP);
      if (!group.isEmpty()) {
        write(group);
      }
      group.clear();
    }
    WriteFailedException stopped =
        new WriteFailedException("the service is stopping; nothing was appended", null, false);
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      if (p.statement() != null) {
        p.answer().completeExceptionally(stopped);
      }
    }
  }

  private void write(List<Pending> group) {
    List<SignedStatement> statements = new ArrayList<>(group.size());
    for (Pending p : group) {
      statements.add(p.statement());
    }
    try {
      List<WriteResult> results = writer.apply(statements);
      for (int i = 0; i < group.size(); i++) {
        group.get(i).answer().complete(results.get(i));
      }
    } catch (RuntimeException e) {
      boolean unknown =
          e instanceof WriteFailedException && ((WriteFailedException) e).outcomeUnknown();
      if (group.size() == 1 || unknown) {
        for (Pending p : group) {
          p.answer().completeExceptionally(e);
        }
        return;
      }
      log.atWarn()
          .addKeyValue("statements", group.size())
          .setCause(e)
          .log(
              "A group of {} failed as a whole; appending its statements one at a time",
              group.size());
      for (Pending p : group) {
        write(List.of(p));
      }
    } catch (Error e) {
      // The writer thread must outlive anything one group does, or every later request would
      // wait for its timeout; the callers of this group learn that nothing was appended.
      log.atError().setCause(e).log("A group of {} failed with an error", group.size());
      WriteFailedException failed =
          new WriteFailedException("the service failed; nothing was appended", e, false);
      for (Pending p : group) {
        p.answer().completeExceptionally(failed);
      }
    }
  }

  /** Stops the writer thread; queued statements are answered with a failure. */
  @Override
  public void close() {
    closed = true;
    if (!queue.offer(STOP)) {
      thread.interrupt();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
