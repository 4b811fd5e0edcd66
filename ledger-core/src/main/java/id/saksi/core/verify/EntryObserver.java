package id.saksi.core.verify;

import id.saksi.core.hash.Hash;
import java.time.Instant;

/**
 * Sees each entry that a verification found at its position, in ledger order, on the sequential
 * thread: for checks built on top of a verification, such as receipts.
 */
@FunctionalInterface
public interface EntryObserver {
  /** An observer that does nothing. */
  EntryObserver NONE = (index, leafHash, recordedAt) -> {};

  /** Entry {@code index} with this leaf hash, recorded at {@code recordedAt}. */
  void entry(long index, Hash leafHash, Instant recordedAt);
}
