package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right frontier of a Merkle tree over leaves {@code [0, size)}: enough to append a leaf and to
 * compute the current root in O(log n) time and memory, without reading any stored node.
 *
 * <p>The frontier holds one complete subtree per set bit of {@code size}: for {@code size = 6}
 * (binary 110) the nodes {@code (2, 0)} over leaves 0-3 and {@code (1, 2)} over leaves 4-5. They
 * are exactly the nodes {@link ProofPlan#root} reads, which is how {@link #restore} rebuilds a
 * frontier from a store after a restart. Appending a leaf works like incrementing a binary counter:
 * each trailing 1 bit of the old size merges the frontier node at that level with the new right
 * neighbour into a node one level up.
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it with a lock.
 */
public final class CompactRange {
  private final Hash[] frontier = new Hash[NodeId.MAX_LEVEL + 1];
  private long size;

  /** The frontier of the empty tree. */
  public CompactRange() {}

  /**
   * The ids of the frontier nodes of a tree of {@code size} leaves, largest (leftmost) first: what
   * to read from a store to {@link #restore} it.
   */
  public static List<NodeId> frontier(long size) {
    checkSize(size);
    List<NodeId> ids = new ArrayList<>(Long.bitCount(size));
    ProofPlan.cover(0, size, ids);
    return ids;
  }

  /**
   * Rebuilds the frontier of a tree of {@code size} leaves from the hashes of {@link
   * #frontier(long) frontier(size)}, in that order.
   *
   * @throws IllegalArgumentException if the number of hashes does not match {@code size}
   */
  public static CompactRange restore(long size, List<Hash> hashes) {
    List<NodeId> ids = frontier(size);
    if (hashes.size() != ids.size()) {
      throw new IllegalArgumentException(
          "the frontier of tree size "
              + size
              + " is "
              + ids.size()
              + " nodes, got "
              + hashes.size()
              + " hashes");
    }
    CompactRange range = new CompactRange();
    for (int i = 0; i < ids.size(); i++) {
      range.frontier[ids.get(i).level()] = Objects.requireNonNull(hashes.get(i), "hash");
    }
    range.size = size;
    return range;
  }

  /** Number of leaves appended so far. */
  public long size() {
    return size;
  }

  /**
   * Appends the leaf hash {@code leaf} at index {@link #size()} and returns the nodes this
   * completed: the leaf itself at level 0, then each new parent up to the highest, so that a store
   * can keep them. One node is returned plus, on average, one more.
   *
   * @throws IllegalStateException if the tree already has {@link Long#MAX_VALUE} leaves
   */
  public List<Node> append(Hash leaf) {
    Objects.requireNonNull(leaf, "leaf");
    long index = size;
    if (index == Long.MAX_VALUE) {
      throw new IllegalStateException("the tree is full at " + index + " leaves");
    }
    // Each trailing 1 bit of index is a frontier node that the new leaf completes.
    int merges = Long.numberOfTrailingZeros(~index);
    List<Node> completed = new ArrayList<>(1 + merges);
    completed.add(new Node(NodeId.leaf(index), leaf));
    Hash right = leaf;
    for (int level = 0; level < merges; level++) {
      right = Hashing.nodeHash(frontier[level], right);
      frontier[level] = null;
      completed.add(new Node(new NodeId(level + 1, index >>> (level + 1)), right));
    }
    frontier[merges] = right;
    size = index + 1;
    return completed;
  }

  /**
   * The root hash of the tree of {@link #size()} leaves, MTH(D[0:size]) in RFC 9162 section 2.1.1:
   * the frontier nodes hashed together from the right; SHA-256 of nothing for the empty tree.
   */
  public Hash root() {
    if (size == 0) {
      return Hashing.emptyRoot();
    }
    Hash root = null;
    for (Hash node : frontier) {
      if (node != null) {
        root = root == null ? node : Hashing.nodeHash(node, root);
      }
    }
    return root;
  }

  /** The frontier's hashes, in the order of {@link #frontier(long) frontier(size())}. */
  public List<Hash> hashes() {
    List<Hash> hashes = new ArrayList<>(Long.bitCount(size));
    for (int level = frontier.length - 1; level >= 0; level--) {
      if (frontier[level] != null) {
        hashes.add(frontier[level]);
      }
    }
    return hashes;
  }

  /** An independent copy, for a caller that may need to undo appends (a rolled-back batch). */
  public CompactRange copy() {
    CompactRange copy = new CompactRange();
    System.arraycopy(frontier, 0, copy.frontier, 0, frontier.length);
    copy.size = size;
    return copy;
  }

  private static void checkSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, got " + size);
    }
  }
}
