package id.saksi.core.merkle;

/**
 * The address of a complete subtree: the node at {@code level} and {@code index} covers the leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}.
 *
 * <p>Level 0 holds the leaf hashes themselves, level 1 the hashes of leaf pairs, and so on. Once
 * all of its leaves are appended a node's hash never changes, which is what lets a store keep it
 * under this address forever (for example as the primary key {@code (level, index)} of a table).
 * Nodes on the right edge of a tree whose size is not a power of two are not complete; they are
 * never stored and are recomputed from complete nodes when a root or proof needs them.
 *
 * <p>Leaf positions are non-negative {@code long}s, so every node ends at or before {@link
 * Long#MAX_VALUE}: {@code level} is 0 to 62 and {@code (index + 1) << level} must not overflow.
 */
public record NodeId(int level, long index) {
  /** Highest level a node can have in a tree of at most {@link Long#MAX_VALUE} leaves. */
  public static final int MAX_LEVEL = 62;

  /**
   * Checks the address.
   *
   * @throws IllegalArgumentException if the level is outside 0..62 or the covered range does not
   *     fit in non-negative {@code long} leaf positions
   */
  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("node level must be 0 to " + MAX_LEVEL + ", got " + level);
    }
    if (index < 0 || index >= (Long.MAX_VALUE >>> level)) {
      throw new IllegalArgumentException(
          "node index at level "
              + level
              + " must be 0 to "
              + ((Long.MAX_VALUE >>> level) - 1)
              + ", got "
              + index);
    }
  }

  /** The node holding the hash of leaf {@code index}. */
  public static NodeId leaf(long index) {
    return new NodeId(0, index);
  }

  /** First leaf position covered, inclusive. */
  public long begin() {
    return index << level;
  }

  /** Last leaf position covered, exclusive. */
  public long end() {
    return (index + 1) << level;
  }

  /** Whether every leaf under this node is inside a tree of {@code size} leaves. */
  public boolean isCompleteIn(long size) {
    return end() <= size;
  }

  /** {@code (level, index)}, as the documentation writes node addresses. */
  @Override
  public String toString() {
    return "(" + level + ", " + index + ")";
  }
}
