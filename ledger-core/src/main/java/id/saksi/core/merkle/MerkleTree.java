package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree over leaf hashes: a {@link CompactRange} for appends and the
 * current root, over a {@link HashStore} that keeps every complete node for past roots and proofs.
 *
 * <p>Appending costs O(log n) time and memory and writes the nodes it completes (two on average) in
 * one {@link HashStore#write}. A past root, an inclusion proof or a consistency proof costs one
 * {@link HashReader#read} of O(log n) nodes, planned by {@link ProofPlan}.
 *
 * <p>If a write to the store throws, this instance is ahead of its store and refuses further use;
 * recovery is {@link #open(HashStore, long)} at the size the store really holds.
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it with a lock.
 */
public final class MerkleTree {
  private final HashStore store;
  private final CompactRange range;
  private boolean broken;

  private MerkleTree(HashStore store, CompactRange range) {
    this.store = store;
    this.range = range;
  }

  /** An empty tree whose nodes go to {@code store}, which must hold no nodes yet. */
  public static MerkleTree create(HashStore store) {
    return new MerkleTree(store, new CompactRange());
  }

  /**
   * The tree of the first {@code size} leaves in {@code store}, for example after a restart: reads
   * the {@link CompactRange#frontier} of {@code size} in one call.
   */
  public static MerkleTree open(HashStore store, long size) {
    List<NodeId> ids = CompactRange.frontier(size);
    List<Hash> hashes = ids.isEmpty() ? List.of() : store.read(ids);
    return new MerkleTree(store, CompactRange.restore(size, hashes));
  }

  /**
   * Appends {@code leafHash} and stores the nodes it completes.
   *
   * @return the index of the new leaf
   */
  public long append(Hash leafHash) {
    checkUsable();
    long index = range.size();
    List<Node> completed = range.append(leafHash);
    try {
      store.write(completed);
    } catch (RuntimeException e) {
      broken = true;
      throw e;
    }
    return index;
  }

  /** Number of leaves appended. */
  public long size() {
    return range.size();
  }

  /** The current root, MTH(D[0:size()]), without reading the store. */
  public Hash root() {
    checkUsable();
    return range.root();
  }

  /**
   * The root of the tree as it was at {@code size} leaves, {@code 0 <= size <= size()}.
   *
   * @throws IllegalArgumentException if {@code size} is negative or beyond {@link #size()}
   */
  public Hash root(long size) {
    checkUsable();
    checkSize("tree size", size);
    if (size == range.size()) {
      return range.root();
    }
    if (size == 0) {
      return Hashing.emptyRoot();
    }
    return ProofPlan.root(size).execute(store).get(0);
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= size()}
   */
  public InclusionProof inclusionProof(long index, long size) {
    checkUsable();
    checkSize("tree size", size);
    return new InclusionProof(index, size, ProofPlan.inclusion(index, size).execute(store));
  }

  /**
   * The consistency proof from the tree of {@code size1} leaves to the tree of {@code size2}
   * leaves; empty when the sizes are equal or {@code size1} is 0.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2 <= size()}
   */
  public ConsistencyProof consistencyProof(long size1, long size2) {
    checkUsable();
    checkSize("tree size2", size2);
    return new ConsistencyProof(size1, size2, ProofPlan.consistency(size1, size2).execute(store));
  }

  private void checkSize(String what, long size) {
    if (size < 0 || size > range.size()) {
      throw new IllegalArgumentException(
          what + " must be 0 to " + range.size() + " (the current size), got " + size);
    }
  }

  private void checkUsable() {
    if (broken) {
      throw new IllegalStateException(
          "a store write failed, so this tree is ahead of its store; reopen it with"
              + " MerkleTree.open at the size the store holds");
    }
  }
}
