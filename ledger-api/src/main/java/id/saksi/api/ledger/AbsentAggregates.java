package id.saksi.api.ledger;

import java.util.HashSet;
import java.util.Set;

/**
 * The aggregates a writing thread knows have no events yet, so that creating one does not cost two
 * queries (its snapshot, its events) that are certain to find nothing.
 *
 * <p>Only the sequencer declares them, for the duration of one transaction on its own thread, and
 * only subjects it found absent from the ledger while holding the head's lock (an aggregate has
 * events if and only if its subject has entries, invariant 1, and nothing else commits while the
 * lock is held). It withdraws a subject as soon as a statement about it is accepted, after which
 * loads read the events written in this transaction as usual.
 */
public final class AbsentAggregates {
  private static final ThreadLocal<Set<String>> ABSENT = new ThreadLocal<>();

  private AbsentAggregates() {}

  /** Declares, for this thread, aggregates known to have no events. */
  public static void declare(Set<String> aggregateIdentifiers) {
    ABSENT.set(new HashSet<>(aggregateIdentifiers));
  }

  /** The aggregate has events from now on (a statement about it was accepted). */
  public static void created(String aggregateIdentifier) {
    Set<String> absent = ABSENT.get();
    if (absent != null) {
      absent.remove(aggregateIdentifier);
    }
  }

  /** Ends the declaration on this thread. */
  public static void clear() {
    ABSENT.remove();
  }

  /** Whether this thread knows the aggregate has no stored events. */
  static boolean isAbsent(String aggregateIdentifier) {
    Set<String> absent = ABSENT.get();
    return absent != null && absent.contains(aggregateIdentifier);
  }
}
