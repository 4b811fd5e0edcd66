package id.saksi.core.domain.ledger;

import id.saksi.core.domain.Subject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Where a {@link LedgerState} keeps the state of every instrument, pact and case it has replayed
 * (the registry is kept apart). A replay asks for a subject's state before judging its next record
 * and stores the state an accepted record produced; nothing is ever removed, since a closed case
 * can still be corrected.
 *
 * <p>{@link #inMemory()} holds every state on the heap (the service's aggregates, tests, small
 * ledgers); {@link #spilling} holds only the most recently used ones and writes the rest to a
 * temporary file, so that a verifier's memory does not grow with the number of cases. Either
 * returns exactly the state last stored. Not thread-safe: one replay, one thread.
 */
public interface StateStore extends AutoCloseable {
  /**
   * The state last stored for {@code subject}, or null if it has none.
   *
   * @throws java.io.UncheckedIOException if a spilled state could not be read back
   */
  Object get(Subject subject);

  /**
   * Stores {@code state} as the state of {@code subject}, replacing the one it had.
   *
   * @throws java.io.UncheckedIOException if a state could not be spilled
   */
  void put(Subject subject, Object state);

  /** How many subjects have a state. */
  long size();

  /** Calls {@code action} for every subject and its state, in no particular order. */
  void forEach(BiConsumer<Subject, Object> action);

  /** Releases what the store holds: a spilling store deletes its file. Idempotent. */
  @Override
  void close();

  /** A store that keeps every state on the heap. */
  static StateStore inMemory() {
    return new InMemoryStateStore();
  }

  /**
   * A store that keeps at most {@code inMemory} states on the heap (the most recently used) and
   * spills the others to a temporary file in {@code dir}, created at the first spill and deleted
   * when the store is closed (on Linux and macOS already when it is opened, so that nothing is left
   * behind even if the process is killed).
   *
   * @throws IOException if {@code dir} is not a directory
   * @throws IllegalArgumentException if {@code inMemory} is less than 1
   */
  static StateStore spilling(Path dir, int inMemory) throws IOException {
    return new SpillingStateStore(dir, inMemory);
  }
}
