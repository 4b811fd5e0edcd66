package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which stored nodes a root or a proof needs, and how to combine them: a pure function of the tree
 * sizes and index, computed before any read so that a {@link HashReader} fetches everything in one
 * batch.
 *
 * <p>A plan is a list of <em>elements</em>, one per hash of the result, in the result's order. Each
 * element is a subtree hash MTH(D[a:b]) of RFC 9162 section 2.1.1 and is planned as the complete
 * nodes that cover {@code [a, b)}, largest (leftmost) first. An element of one node is read as it
 * is. An element of several nodes is an <em>ephemeral</em> node on the right edge of a tree whose
 * size is not a power of two: it is never stored (it changes as the log grows) and is rehashed from
 * its nodes from the right, {@code H(n0, H(n1, ... H(nk-1, nk)))} with {@code H(l, r) =
 * SHA-256(0x01 || l || r)}. Any plan reads O(log n) nodes: at most 64 elements and at most 63 nodes
 * per element, with no node read twice.
 */
public final class ProofPlan {
  private final List<List<NodeId>> elements;
  private final List<NodeId> reads;

  private ProofPlan(List<List<NodeId>> elements) {
    this.elements = Collections.unmodifiableList(elements);
    List<NodeId> flat = new ArrayList<>();
    for (List<NodeId> element : elements) {
      flat.addAll(element);
    }
    this.reads = Collections.unmodifiableList(flat);
  }

  /**
   * The plan of the root MTH(D[0:size]): one element, the {@link CompactRange#frontier} of {@code
   * size}. The empty tree's root needs no read ({@link Hashing#emptyRoot()}), so {@code size} must
   * be positive.
   */
  public static ProofPlan root(long size) {
    if (size <= 0) {
      throw new IllegalArgumentException("the root of tree size " + size + " reads no node");
    }
    List<List<NodeId>> elements = new ArrayList<>(1);
    elements.add(covering(0, size));
    return new ProofPlan(elements);
  }

  /**
   * The plan of the inclusion proof PATH(index, D[0:size]), RFC 9162 section 2.1.3.1.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static ProofPlan inclusion(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "an inclusion proof needs 0 <= index < size, got index " + index + ", size " + size);
    }
    // Walk down from the root as the recursive definition does: at each split the subtree that
    // does not hold the leaf is one element. The definition appends on the way back up, so the
    // elements come out root-first here and are reversed at the end.
    long[] begins = new long[64];
    long[] ends = new long[64];
    int n = 0;
    long lo = 0;
    long hi = size;
    while (hi - lo > 1) {
      long k = largestPowerOfTwoBelow(hi - lo);
      if (index < lo + k) {
        begins[n] = lo + k;
        ends[n] = hi;
        hi = lo + k;
      } else {
        begins[n] = lo;
        ends[n] = lo + k;
        lo = lo + k;
      }
      n++;
    }
    return reversed(begins, ends, n);
  }

  /**
   * The plan of the consistency proof PROOF(size1, D[0:size2]), RFC 9162 section 2.1.4.1. It is
   * empty when {@code size1 == size2} and when {@code size1 == 0}: the empty tree is a prefix of
   * every tree, and there is nothing to prove.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2}
   */
  public static ProofPlan consistency(long size1, long size2) {
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "a consistency proof needs 0 <= size1 <= size2, got size1 " + size1 + ", size2 " + size2);
    }
    if (size1 == 0 || size1 == size2) {
      return new ProofPlan(new ArrayList<>(0));
    }
    // SUBPROOF(m, D[lo:hi], complete), unrolled. Invariant: lo < size1 <= hi. The loop ends at
    // the subtree that equals the old tree's rightmost part, which is an element unless it is
    // the whole old tree (complete is still true), whose root the verifier already has.
    long[] begins = new long[65];
    long[] ends = new long[65];
    int n = 0;
    long lo = 0;
    long hi = size2;
    boolean complete = true;
    while (hi != size1) {
      long k = largestPowerOfTwoBelow(hi - lo);
      if (size1 <= lo + k) {
        begins[n] = lo + k;
        ends[n] = hi;
        hi = lo + k;
      } else {
        begins[n] = lo;
        ends[n] = lo + k;
        lo = lo + k;
        complete = false;
      }
      n++;
    }
    if (!complete) {
      begins[n] = lo;
      ends[n] = hi;
      n++;
    }
    return reversed(begins, ends, n);
  }

  /** The elements, each as the nodes it is rehashed from, largest (leftmost) first. */
  public List<List<NodeId>> elements() {
    return elements;
  }

  /** Every node to read, element after element: the argument to {@link HashReader#read}. */
  public List<NodeId> reads() {
    return reads;
  }

  /** Number of hashes {@link #assemble} returns: the proof's length. */
  public int length() {
    return elements.size();
  }

  /**
   * Combines the hashes of {@link #reads()}, in that order, into one hash per element.
   *
   * @throws IllegalStateException if there is not exactly one hash per read: the reader broke its
   *     contract
   */
  public List<Hash> assemble(List<Hash> hashes) {
    if (hashes.size() != reads.size()) {
      throw new IllegalStateException(
          "the plan reads " + reads.size() + " nodes, the reader returned " + hashes.size());
    }
    List<Hash> result = new ArrayList<>(elements.size());
    int offset = 0;
    for (List<NodeId> element : elements) {
      int last = offset + element.size() - 1;
      Hash hash = hashes.get(last);
      for (int i = last - 1; i >= offset; i--) {
        hash = Hashing.nodeHash(hashes.get(i), hash);
      }
      result.add(hash);
      offset = last + 1;
    }
    return result;
  }

  /** Reads and assembles with {@code reader}: one call to {@link HashReader#read}. */
  public List<Hash> execute(HashReader reader) {
    if (reads.isEmpty()) {
      return new ArrayList<>(0);
    }
    return assemble(reader.read(reads));
  }

  /** The elements, each as its node addresses, for messages and tests. */
  @Override
  public String toString() {
    return elements.toString();
  }

  /**
   * Appends to {@code out} the complete nodes covering {@code [begin, end)}, largest first: the
   * binary decomposition of {@code end - begin}. The range must be one that MTH splits into, which
   * makes {@code begin} a multiple of every node size used.
   */
  static void cover(long begin, long end, List<NodeId> out) {
    while (begin < end) {
      int level = 63 - Long.numberOfLeadingZeros(end - begin);
      if ((begin & ((1L << level) - 1)) != 0) {
        throw new IllegalStateException(
            "bug: [" + begin + ", " + end + ") is not a range of the tree");
      }
      out.add(new NodeId(level, begin >>> level));
      begin += 1L << level;
    }
  }

  /** The largest power of two strictly below {@code n}, for {@code n >= 2}: RFC 9162's k. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static List<NodeId> covering(long begin, long end) {
    List<NodeId> ids = new ArrayList<>(Long.bitCount(end - begin));
    cover(begin, end, ids);
    return Collections.unmodifiableList(ids);
  }

  private static ProofPlan reversed(long[] begins, long[] ends, int n) {
    List<List<NodeId>> elements = new ArrayList<>(n);
    for (int i = n - 1; i >= 0; i--) {
      elements.add(covering(begins[i], ends[i]));
    }
    return new ProofPlan(elements);
  }
}
