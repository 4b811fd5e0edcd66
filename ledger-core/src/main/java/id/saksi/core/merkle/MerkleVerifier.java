package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.List;
import java.util.Objects;

/**
 * Verifies Merkle inclusion and consistency proofs per RFC 9162 sections 2.1.3.2 and 2.1.4.2.
 *
 * <p>Every check runs in the same order: sizes and index first, then the exact proof length (a
 * function of the sizes and index alone), then the hashing, then the comparison with the roots the
 * caller trusts. Each failure is its own {@link ProofVerificationException} subclass with the
 * facts. Tree sizes and indexes are non-negative {@code long}s; a negative one is a bug in the
 * caller (parsers reject larger values) and throws {@link IllegalArgumentException}.
 *
 * <p>A proof binds a leaf or an old root to a root, not to a size: a proof computed for one size
 * can also hash to the same root when claimed for another size whose tree has the same shape along
 * the proof's path (leaf 0 in sizes 5 and 7, for example). The size is bound to its root by the
 * signed checkpoint that carries both, which is why callers verify against a checkpoint's {@code
 * (size, root)} pair and never mix sizes and roots from different sources.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /**
   * The root that an inclusion proof of {@code leafHash} at {@code index} leads to in a tree of
   * {@code size} leaves: steps 1 to 4 of RFC 9162 section 2.1.3.2, with the proof length checked up
   * front.
   *
   * @throws IndexOutOfRangeException if {@code index >= size}
   * @throws ProofLengthException if the proof does not have exactly the number of hashes that
   *     {@code index} and {@code size} call for
   */
  public static Hash rootFromInclusionProof(long index, long size, Hash leafHash, List<Hash> proof)
      throws ProofVerificationException {
    requireNonNegative("leaf index", index);
    requireNonNegative("tree size", size);
    Objects.requireNonNull(leafHash, "leafHash");
    if (index >= size) {
      throw new IndexOutOfRangeException(index, size);
    }
    int want = inclusionProofLength(index, size);
    if (proof.size() != want) {
      throw ProofLengthException.inclusion(index, size, proof.size(), want);
    }
    // fn walks up the path of the leaf, sn up the path of the last leaf; where they coincide the
    // leaf's ancestor is on the right edge and its sibling, if any, is on the left.
    long fn = index;
    long sn = size - 1;
    Hash r = leafHash;
    for (Hash p : proof) {
      Objects.requireNonNull(p, "proof hash");
      if ((fn & 1) == 1 || fn == sn) {
        r = Hashing.nodeHash(p, r);
        // On the right edge, levels where the ancestor has no sibling are skipped.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = Hashing.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 4a and the sn check of step 5 cannot fail once the length is right.
    if (sn != 0) {
      throw new IllegalStateException("bug: proof length " + want + " for " + index + "/" + size);
    }
    return r;
  }

  /**
   * Verifies that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root}: RFC 9162 section 2.1.3.2.
   *
   * @throws IndexOutOfRangeException if {@code index >= size}
   * @throws ProofLengthException if the proof has a hash too many or too few
   * @throws RootMismatchException if the proof leads to another root
   */
  public static void verifyInclusion(
      long index, long size, Hash leafHash, List<Hash> proof, Hash root)
      throws ProofVerificationException {
    Objects.requireNonNull(root, "root");
    Hash calculated = rootFromInclusionProof(index, size, leafHash, proof);
    if (!calculated.equals(root)) {
      throw new RootMismatchException(size, root, calculated);
    }
  }

  /**
   * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree
   * of {@code size2} leaves with root {@code root2}: RFC 9162 section 2.1.4.2.
   *
   * <p>Two cases the RFC's algorithm leaves out have an empty proof: {@code size1 == 0}, where
   * {@code root1} must be the empty tree's root (SHA-256 of nothing) and {@code root2} is
   * unconstrained unless {@code size2} is 0 too (the empty tree is a prefix of every tree; {@code
   * root2} is authenticated by its own checkpoint); and equal sizes, where the roots must be equal.
   *
   * @throws TreeSizeOrderException if {@code size1 > size2}
   * @throws ProofLengthException if the proof has a hash too many or too few
   * @throws RootMismatchException if the proof does not lead to {@code root1} (reported with {@code
   *     size1}) or to {@code root2} (reported with {@code size2})
   */
  public static void verifyConsistency(
      long size1, long size2, List<Hash> proof, Hash root1, Hash root2)
      throws ProofVerificationException {
    requireNonNegative("tree size1", size1);
    requireNonNegative("tree size2", size2);
    Objects.requireNonNull(root1, "root1");
    Objects.requireNonNull(root2, "root2");
    if (size1 > size2) {
      throw new TreeSizeOrderException(size1, size2);
    }
    int want = consistencyProofLength(size1, size2);
    if (proof.size() != want) {
      throw ProofLengthException.consistency(size1, size2, proof.size(), want);
    }
    if (size1 == 0) {
      Hash empty = Hashing.emptyRoot();
      if (!root1.equals(empty)) {
        throw new RootMismatchException(0, root1, empty);
      }
      if (size2 == 0 && !root2.equals(empty)) {
        throw new RootMismatchException(0, root2, empty);
      }
      return;
    }
    if (size1 == size2) {
      if (!root1.equals(root2)) {
        throw new RootMismatchException(size2, root2, root1);
      }
      return;
    }
    Hash[] roots = rootsFromConsistencyProof(size1, size2, proof, root1);
    Hash fr = roots[0];
    Hash sr = roots[1];
    if (!fr.equals(root1)) {
      throw new RootMismatchException(size1, root1, fr);
    }
    if (!sr.equals(root2)) {
      throw new RootMismatchException(size2, root2, sr);
    }
  }

  /**
   * Steps 1 to 6 of RFC 9162 section 2.1.4.2 for {@code 0 < size1 < size2} and a proof of the right
   * length: the roots {@code {fr, sr}} of both trees that the proof leads to.
   */
  static Hash[] rootsFromConsistencyProof(long size1, long size2, List<Hash> proof, Hash root1) {
    // Step 1 (an empty path fails) is the caller's length check: at least one hash here. Step 2:
    // the old tree of a power-of-two size is itself a node of the new tree, and the proof leaves
    // out the root the verifier already has.
    boolean prepend = (size1 & (size1 - 1)) == 0;
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Hash first = prepend ? root1 : Objects.requireNonNull(proof.get(0), "proof hash");
    Hash fr = first;
    Hash sr = first;
    for (int i = prepend ? 0 : 1; i < proof.size(); i++) {
      Hash c = Objects.requireNonNull(proof.get(i), "proof hash");
      if ((fn & 1) == 1 || fn == sn) {
        fr = Hashing.nodeHash(c, fr);
        sr = Hashing.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = Hashing.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new IllegalStateException(
          "bug: proof length " + proof.size() + " for " + size1 + "/" + size2);
    }
    return new Hash[] {fr, sr};
  }

  /**
   * Number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size} leaves,
   * {@code 0 <= index < size}. Below the level where the paths to {@code index} and to the last
   * leaf {@code size - 1} meet, every level has a sibling; above it the path runs along the right
   * edge, which has a (left) sibling exactly where {@code index} has a 1 bit.
   */
  static int inclusionProofLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    return inner + Long.bitCount(index >>> inner);
  }

  /**
   * Number of hashes in the consistency proof from {@code size1} to {@code size2}, {@code 0 <=
   * size1 <= size2}: none if the sizes are equal or {@code size1} is 0. Otherwise the proof is the
   * old tree's rightmost complete node (left out when that is the whole old tree, of a power-of-two
   * size), then that node's inclusion path in the new tree.
   */
  static int consistencyProofLength(long size1, long size2) {
    if (size1 == 0 || size1 == size2) {
      return 0;
    }
    long last1 = size1 - 1;
    int fork = 64 - Long.numberOfLeadingZeros(last1 ^ (size2 - 1));
    int shift = Long.numberOfTrailingZeros(size1);
    int seed = (size1 & last1) == 0 ? 0 : 1;
    return seed + (fork - shift) + Long.bitCount(last1 >>> fork);
  }

  private static void requireNonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
  }
}
