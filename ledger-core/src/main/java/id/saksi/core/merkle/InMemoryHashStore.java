package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link HashStore} in memory, for tests, benchmarks and the offline verifier.
 *
 * <p>Each level is one growable {@code byte[]} of 32-byte slots, slot {@code i} holding node {@code
 * (level, i)}: about 64 bytes per leaf in all, with no object per node. Nodes must be written in
 * order within each level (as {@link CompactRange#append} produces them); a gap is rejected. A
 * level holds at most {@value #MAX_NODES_PER_LEVEL} nodes, so this store serves trees of up to that
 * many leaves; larger logs belong in a database.
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it with a lock.
 */
public final class InMemoryHashStore implements HashStore {
  /** Most nodes one level can hold: the largest Java array, in 32-byte slots. */
  public static final int MAX_NODES_PER_LEVEL = (Integer.MAX_VALUE - 8) / Hash.SIZE;

  private static final int INITIAL_SLOTS = 16;

  private final byte[][] levels = new byte[NodeId.MAX_LEVEL + 1][];
  private final long[] counts = new long[NodeId.MAX_LEVEL + 1];

  /** An empty store. */
  public InMemoryHashStore() {}

  /** Number of leaf hashes (level-0 nodes) stored. */
  public long leafCount() {
    return counts[0];
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if an id is not stored
   */
  @Override
  public List<Hash> read(List<NodeId> ids) {
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      out.add(get(id));
    }
    return out;
  }

  /** The hash of one stored node. */
  public Hash get(NodeId id) {
    int level = id.level();
    if (id.index() >= counts[level]) {
      throw new IllegalArgumentException(
          "node " + id + " is not stored: level " + level + " holds " + counts[level] + " nodes");
    }
    return Hash.of(levels[level], slot(id.index()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a node would leave a gap in its level, or a level would
   *     exceed {@value #MAX_NODES_PER_LEVEL} nodes; nothing of the batch is stored then
   */
  @Override
  public void write(List<Node> nodes) {
    // Check the whole batch before storing any of it, so that a rejected batch changes nothing.
    long[] next = counts.clone();
    for (Node node : nodes) {
      NodeId id = node.id();
      int level = id.level();
      if (id.index() < next[level]) {
        Hash existing = id.index() < counts[level] ? get(id) : earlierInBatch(nodes, node);
        if (!existing.equals(node.hash())) {
          throw new IllegalStateException(
              "node "
                  + id
                  + " has hash "
                  + existing
                  + ", refusing to overwrite it with "
                  + node.hash());
        }
      } else if (id.index() == next[level]) {
        if (next[level] == MAX_NODES_PER_LEVEL) {
          throw new IllegalArgumentException(
              "level " + level + " is full at " + MAX_NODES_PER_LEVEL + " nodes");
        }
        next[level]++;
      } else {
        throw new IllegalArgumentException(
            "node " + id + " would leave a gap: level " + level + " holds " + next[level]);
      }
    }
    for (Node node : nodes) {
      NodeId id = node.id();
      if (id.index() == counts[id.level()]) {
        append(id.level(), node.hash());
      }
    }
  }

  private static Hash earlierInBatch(List<Node> nodes, Node later) {
    for (Node node : nodes) {
      if (node.id().equals(later.id())) {
        return node.hash();
      }
    }
    throw new AssertionError("unreachable: " + later.id() + " was counted from this batch");
  }

  private void append(int level, Hash hash) {
    long index = counts[level];
    byte[] slots = levels[level];
    if (slots == null) {
      slots = new byte[INITIAL_SLOTS * Hash.SIZE];
    } else if (slot(index) == slots.length) {
      long grown = Math.min(2L * slots.length, (long) MAX_NODES_PER_LEVEL * Hash.SIZE);
      slots = Arrays.copyOf(slots, (int) grown);
    }
    levels[level] = slots;
    hash.copyTo(slots, slot(index));
    counts[level] = index + 1;
  }

  private static int slot(long index) {
    return (int) index * Hash.SIZE;
  }
}
