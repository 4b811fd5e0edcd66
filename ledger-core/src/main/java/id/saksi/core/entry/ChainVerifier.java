package id.saksi.core.entry;

import id.saksi.core.hash.Hash;

/**
 * Checks the hash chain one entry at a time, in order: dense indexes, and each {@code prev} equal
 * to the leaf hash of the entry before. Reports the first broken link; holds O(1) state, so a
 * ledger of any length streams through it.
 */
public final class ChainVerifier {
  private long next;
  private Hash last;

  private ChainVerifier(long next, Hash last) {
    this.next = next;
    this.last = last;
  }

  /** A verifier expecting entry 0, whose {@code prev} is 32 zero bytes. */
  public static ChainVerifier fromGenesis() {
    return new ChainVerifier(0, Hash.ZERO);
  }

  /** A verifier expecting entry {@code index + 1} after an entry whose leaf hash is known. */
  public static ChainVerifier resumeAfter(long index, Hash leafHash) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    return new ChainVerifier(index + 1, leafHash);
  }

  /** Checks the next entry and advances. */
  public void append(Entry entry) throws ChainException {
    append(entry.index(), entry.prev(), entry.leafHash());
  }

  /** Checks the next entry, given by its index, prev and leaf hash, and advances. */
  public void append(long index, Hash prev, Hash leafHash) throws ChainException {
    if (index != next) {
      throw new IndexGapException(next, index);
    }
    if (!prev.equals(last)) {
      throw new BrokenLinkException(index, last, prev);
    }
    next = index + 1;
    last = leafHash;
  }

  /** Number of entries checked so far, counting from index 0 (the next expected index). */
  public long size() {
    return next;
  }

  /** Leaf hash of the last entry checked, or {@link Hash#ZERO} before entry 0. */
  public Hash lastLeafHash() {
    return last;
  }
}
