package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1, transcribed as directly as Java allows, to cross-check the fast code.
 *
 * <p>Deliberately slow and independent of the code under test: its own SHA-256, recursion exactly
 * as the RFC writes it (MTH in 2.1.1, PATH in 2.1.3.1, PROOF and SUBPROOF in 2.1.4.1), and
 * verifiers that run those same recursions backwards instead of the RFC's iterative algorithms
 * (2.1.3.2, 2.1.4.2) that {@link MerkleVerifier} implements. The inputs D[i] are given as their
 * leaf hashes SHA-256(0x00 || d(i)), which is where MTH of one input ends anyway.
 */
final class ReferenceMerkle {
  private ReferenceMerkle() {}

  /** SHA-256(0x00 || input): MTH({d(0)}), RFC 9162 section 2.1.1. */
  static Hash leafHash(byte[] input) {
    MessageDigest md = sha256();
    md.update((byte) 0x00);
    md.update(input);
    return Hash.of(md.digest());
  }

  /** SHA-256(0x01 || left || right), RFC 9162 section 2.1.1. */
  static Hash node(Hash left, Hash right) {
    MessageDigest md = sha256();
    md.update((byte) 0x01);
    md.update(left.bytes());
    md.update(right.bytes());
    return Hash.of(md.digest());
  }

  /** The largest power of two smaller than n, for n > 1. */
  static long k(long n) {
    long k = 1;
    // 2k < n, written so that it cannot overflow for sizes near 2^63.
    while (k <= (n - 1) / 2) {
      k *= 2;
    }
    return k;
  }

  /** MTH(D[n]): SHA-256() if empty, the leaf hash if one leaf, else split at k. */
  static Hash mth(List<Hash> d) {
    int n = d.size();
    if (n == 0) {
      return Hash.of(sha256().digest());
    }
    if (n == 1) {
      return d.get(0);
    }
    int k = (int) k(n);
    return node(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]) for 0 <= m < n. */
  static List<Hash> path(int m, List<Hash> d) {
    int n = d.size();
    if (n == 1) {
      return new ArrayList<>();
    }
    int k = (int) k(n);
    List<Hash> result;
    if (m < k) {
      result = path(m, d.subList(0, k));
      result.add(mth(d.subList(k, n)));
    } else {
      result = path(m - k, d.subList(k, n));
      result.add(mth(d.subList(0, k)));
    }
    return result;
  }

  /**
   * PROOF(m, D[n]) = SUBPROOF(m, D[n], true) for 0 < m <= n; empty for m = 0, which the RFC leaves
   * undefined and this project defines as "nothing to prove".
   */
  static List<Hash> proof(int m, List<Hash> d) {
    return m == 0 ? new ArrayList<>() : subproof(m, d, true);
  }

  /** SUBPROOF(m, D[n], b). */
  static List<Hash> subproof(int m, List<Hash> d, boolean b) {
    int n = d.size();
    if (m == n) {
      List<Hash> result = new ArrayList<>();
      if (!b) {
        result.add(mth(d));
      }
      return result;
    }
    int k = (int) k(n);
    List<Hash> result;
    if (m <= k) {
      result = subproof(m, d.subList(0, k), b);
      result.add(mth(d.subList(k, n)));
    } else {
      result = subproof(m - k, d.subList(k, n), false);
      result.add(mth(d.subList(0, k)));
    }
    return result;
  }

  /** Length of PATH(m, D[n]), from the same recursion without the hashing; any sizes. */
  static int pathLength(long m, long n) {
    if (n == 1) {
      return 0;
    }
    long k = k(n);
    return 1 + (m < k ? pathLength(m, k) : pathLength(m - k, n - k));
  }

  /** Length of PROOF(m, D[n]), 0 <= m <= n; any sizes. */
  static int proofLength(long m, long n) {
    return m == 0 ? 0 : subproofLength(m, n, true);
  }

  private static int subproofLength(long m, long n, boolean b) {
    if (m == n) {
      return b ? 0 : 1;
    }
    long k = k(n);
    return 1 + (m <= k ? subproofLength(m, k, b) : subproofLength(m - k, n - k, false));
  }

  /**
   * Whether {@code path} proves {@code leaf} at {@code m} under {@code root} in a tree of {@code n}
   * leaves: PATH(m, D[n]) run backwards, rebuilding MTH from the leaf and the path.
   */
  static boolean includes(long m, long n, Hash leaf, List<Hash> path, Hash root) {
    if (m < 0 || m >= n || path.size() != pathLength(m, n)) {
      return false;
    }
    return rootFromPath(m, n, leaf, path, path.size()).equals(root);
  }

  private static Hash rootFromPath(long m, long n, Hash leaf, List<Hash> path, int end) {
    if (n == 1) {
      return leaf;
    }
    long k = k(n);
    Hash sibling = path.get(end - 1);
    return m < k
        ? node(rootFromPath(m, k, leaf, path, end - 1), sibling)
        : node(sibling, rootFromPath(m - k, n - k, leaf, path, end - 1));
  }

  /**
   * Whether {@code proof} shows that the tree of {@code m} leaves with root {@code root1} is a
   * prefix of the tree of {@code n} leaves with root {@code root2}: SUBPROOF run backwards,
   * rebuilding both roots at once. Empty trees and equal sizes as {@link MerkleVerifier} defines.
   */
  static boolean consistent(long m, long n, List<Hash> proof, Hash root1, Hash root2) {
    if (m < 0 || m > n || proof.size() != proofLength(m, n)) {
      return false;
    }
    Hash empty = mth(List.of());
    if (m == 0) {
      return root1.equals(empty) && (n > 0 || root2.equals(empty));
    }
    if (m == n) {
      return root1.equals(root2);
    }
    Hash[] roots = subproofRoots(m, n, true, proof, proof.size(), root1);
    return roots[0].equals(root1) && roots[1].equals(root2);
  }

  /** {MTH(D[0:m]), MTH(D[0:n])} of a subtree, as SUBPROOF(m, D[n], b) implies them. */
  private static Hash[] subproofRoots(
      long m, long n, boolean b, List<Hash> proof, int end, Hash root1) {
    if (m == n) {
      // With b still true this subtree is the whole old tree, which the verifier knows.
      Hash known = b ? root1 : proof.get(end - 1);
      return new Hash[] {known, known};
    }
    long k = k(n);
    Hash sibling = proof.get(end - 1);
    if (m <= k) {
      Hash[] left = subproofRoots(m, k, b, proof, end - 1, root1);
      return new Hash[] {left[0], node(left[1], sibling)};
    }
    Hash[] right = subproofRoots(m - k, n - k, false, proof, end - 1, root1);
    return new Hash[] {node(sibling, right[0]), node(sibling, right[1])};
  }

  // One digest per thread: getInstance is slow enough to dominate the exhaustive tests.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(ReferenceMerkle::newSha256);

  private static MessageDigest sha256() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
