package id.saksi.core.merkle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tree size 1 to 64, every leaf index and every pair of sizes: the fast tree's roots and
 * proofs equal the reference transcription of RFC 9162, they verify, and flipping any single bit of
 * a proof hash, the leaf hash, the index, a size or a root makes verification fail with the
 * exception that names the broken check.
 *
 * <p>A flipped hash leaves sizes and lengths intact, so the only check it can fail is the final
 * comparison of roots: for each of the 256 bits of each hash the test computes the roots the proof
 * leads to (the verifier's own computation, without the cost of millions of exceptions) and demands
 * that they differ; for one bit per hash and proof it runs the whole verification and demands a
 * {@link RootMismatchException} with the right facts. Flipped indexes and sizes all go through the
 * whole verification, since they fail different checks.
 *
 * <p>Sizes are the one input a proof does not always pin down: a proof also hashes to the same root
 * under another size whose tree has the same shape along the path (leaf 0 of size 5 as leaf 0 of
 * size 7). For size flips the test therefore demands exactly what the reference verifier decides,
 * and separately that every such flipped size fails against that size's own root, which is what a
 * signed checkpoint pairs it with.
 */
class ExhaustiveMerkleTest {
  private static final int MAX = 64;
  // Flipped sizes that still verify stay below 2 * MAX and need their own roots.
  private static final int TREE = 2 * MAX;

  private static List<Hash> leaves;
  private static Hash[] refRoots;
  private static MerkleTree tree;

  @BeforeAll
  static void build() {
    leaves = new ArrayList<>();
    tree = MerkleTree.create(new InMemoryHashStore());
    for (int i = 0; i < TREE; i++) {
      byte[] input = ("leaf " + i).getBytes(UTF_8);
      leaves.add(ReferenceMerkle.leafHash(input));
      tree.append(Hashing.leafHash(input));
    }
    refRoots = new Hash[TREE + 1];
    for (int n = 0; n <= TREE; n++) {
      refRoots[n] = ReferenceMerkle.mth(leaves.subList(0, n));
    }
  }

  @Test
  void root_everySize_equalsReference() {
    CompactRange range = new CompactRange();
    assertThat(range.root()).isEqualTo(refRoots[0]);
    for (int n = 1; n <= TREE; n++) {
      range.append(leaves.get(n - 1));
      assertThat(range.root()).as("compact range at size %d", n).isEqualTo(refRoots[n]);
    }
    for (int n = 0; n <= TREE; n++) {
      assertThat(tree.root(n)).as("stored root of size %d", n).isEqualTo(refRoots[n]);
    }
  }

  @Test
  void inclusionProof_everyIndexOfEverySize_equalsReferenceAndVerifies() throws Exception {
    for (int n = 1; n <= MAX; n++) {
      for (int i = 0; i < n; i++) {
        InclusionProof proof = tree.inclusionProof(i, n);
        assertThat(proof.path())
            .as("PATH(%d, D[%d])", i, n)
            .isEqualTo(ReferenceMerkle.path(i, leaves.subList(0, n)));
        assertThat(proof.path()).hasSize(MerkleVerifier.inclusionProofLength(i, n));
        assertThat(proof.rootFrom(leaves.get(i))).isEqualTo(refRoots[n]);
        proof.verify(leaves.get(i), refRoots[n]);
      }
    }
  }

  @Test
  void verifyInclusion_anyHashBitFlipped_failsOnRoot() {
    IntStream.rangeClosed(1, MAX).parallel().forEach(ExhaustiveMerkleTest::inclusionHashFlips);
  }

  @Test
  void verifyInclusion_anyIndexOrSizeBitFlipped_fails() {
    int sizeFlipsThatStillVerify =
        IntStream.rangeClosed(1, MAX)
            .parallel()
            .map(ExhaustiveMerkleTest::inclusionIndexAndSizeFlips)
            .sum();
    // The same count comes out of a Python transcription of RFC 9162 run over the same sizes.
    assertThat(sizeFlipsThatStillVerify).isEqualTo(7296);
  }

  private static int inclusionIndexAndSizeFlips(int n) {
    int sizeFlipsThatStillVerify = 0;
    for (int i = 0; i < n; i++) {
      List<Hash> path = ReferenceMerkle.path(i, leaves.subList(0, n));
      Hash leaf = leaves.get(i);
      Hash root = refRoots[n];
      for (int bit = 0; bit < 63; bit++) {
        long index = i ^ (1L << bit);
        expectInclusionFailure(
            index, n, leaf, path, root, expectedInclusionFailure(index, n, path));
      }
      for (int bit = 0; bit < 63; bit++) {
        long size = n ^ (1L << bit);
        if (ReferenceMerkle.includes(i, size, leaf, path, root)) {
          // Same shape along the path: the proof cannot tell the sizes apart, only the root
          // that a checkpoint signs together with its size can.
          sizeFlipsThatStillVerify++;
          expectIncluded(i, size, leaf, path, root);
          assertThat(size).isLessThanOrEqualTo(TREE);
          expectInclusionFailure(
              i, size, leaf, path, refRoots[(int) size], RootMismatchException.class);
        } else {
          expectInclusionFailure(
              i, size, leaf, path, root, expectedInclusionFailure(i, size, path));
        }
      }
      // Bit 63 makes a long negative: no parser produces that, so it is a bug, not a proof.
      long index = i;
      long size = n;
      assertThatThrownBy(
              () -> MerkleVerifier.verifyInclusion(index | Long.MIN_VALUE, size, leaf, path, root))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> MerkleVerifier.verifyInclusion(index, size | Long.MIN_VALUE, leaf, path, root))
          .isInstanceOf(IllegalArgumentException.class);
    }
    return sizeFlipsThatStillVerify;
  }

  private static void inclusionHashFlips(int n) {
    for (int i = 0; i < n; i++) {
      List<Hash> path = ReferenceMerkle.path(i, leaves.subList(0, n));
      Hash leaf = leaves.get(i);
      Hash root = refRoots[n];
      int sample = (7 * i + 31 * n) % 256;
      for (int e = 0; e < path.size(); e++) {
        for (int bit = 0; bit < 256; bit++) {
          List<Hash> bad = flipped(path, e, bit);
          if (rootFrom(i, n, leaf, bad).equals(root)) {
            fail(
                "proof[%d] bit %d flipped still leads to the root: index %d, size %d",
                e, bit, i, n);
          }
        }
        expectRootMismatch(i, n, leaf, flipped(path, e, sample), root);
      }
      for (int bit = 0; bit < 256; bit++) {
        if (rootFrom(i, n, flip(leaf, bit), path).equals(root)) {
          fail("leaf bit %d flipped still leads to the root: index %d, size %d", bit, i, n);
        }
      }
      expectRootMismatch(i, n, flip(leaf, sample), path, root);
      // The calculated root is the true one, so no flipped root can equal it.
      for (int bit = 0; bit < 256; bit++) {
        assertThat(flip(root, bit)).isNotEqualTo(root);
      }
      expectRootMismatch(i, n, leaf, path, flip(root, sample));
    }
  }

  @Test
  void consistencyProof_everyPairOfSizes_equalsReferenceAndVerifies() throws Exception {
    for (int n = 0; n <= MAX; n++) {
      for (int m = 0; m <= n; m++) {
        ConsistencyProof proof = tree.consistencyProof(m, n);
        assertThat(proof.path())
            .as("PROOF(%d, D[%d])", m, n)
            .isEqualTo(ReferenceMerkle.proof(m, leaves.subList(0, n)));
        assertThat(proof.path()).hasSize(MerkleVerifier.consistencyProofLength(m, n));
        proof.verify(refRoots[m], refRoots[n]);
        assertThat(ReferenceMerkle.consistent(m, n, proof.path(), refRoots[m], refRoots[n]))
            .isTrue();
      }
    }
  }

  @Test
  void verifyConsistency_anyHashBitFlipped_failsOnRoot() {
    IntStream.rangeClosed(0, MAX).parallel().forEach(ExhaustiveMerkleTest::consistencyHashFlips);
  }

  @Test
  void verifyConsistency_anySizeBitFlipped_fails() {
    int size2FlipsThatStillVerify =
        IntStream.rangeClosed(0, MAX)
            .parallel()
            .map(ExhaustiveMerkleTest::consistencySizeFlips)
            .sum();
    // The same count comes out of a Python transcription of RFC 9162 run over the same sizes; 4088
    // of them are flips of size2 with size1 = 0, consistent by definition.
    assertThat(size2FlipsThatStillVerify).isEqualTo(11384);
  }

  private static int consistencySizeFlips(int n) {
    int size2FlipsThatStillVerify = 0;
    for (int m = 0; m <= n; m++) {
      List<Hash> path = ReferenceMerkle.proof(m, leaves.subList(0, n));
      Hash root1 = refRoots[m];
      Hash root2 = refRoots[n];
      for (int bit = 0; bit < 63; bit++) {
        long size1 = m ^ (1L << bit);
        expectConsistencyFailure(
            size1, n, path, root1, root2, expectedConsistencyFailure(size1, n, path));
      }
      for (int bit = 0; bit < 63; bit++) {
        long size2 = n ^ (1L << bit);
        if (ReferenceMerkle.consistent(m, size2, path, root1, root2)) {
          size2FlipsThatStillVerify++;
          expectConsistent(m, size2, path, root1, root2);
          if (m > 0) {
            assertThat(size2).isLessThanOrEqualTo(TREE);
            expectConsistencyFailure(
                m, size2, path, root1, refRoots[(int) size2], RootMismatchException.class);
          }
        } else {
          expectConsistencyFailure(
              m, size2, path, root1, root2, expectedConsistencyFailure(m, size2, path));
        }
      }
      long size1 = m;
      long size2 = n;
      assertThatThrownBy(
              () ->
                  MerkleVerifier.verifyConsistency(
                      size1 | Long.MIN_VALUE, size2, path, root1, root2))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  MerkleVerifier.verifyConsistency(
                      size1, size2 | Long.MIN_VALUE, path, root1, root2))
          .isInstanceOf(IllegalArgumentException.class);
    }
    return size2FlipsThatStillVerify;
  }

  private static void consistencyHashFlips(int n) {
    for (int m = 0; m <= n; m++) {
      List<Hash> path = ReferenceMerkle.proof(m, leaves.subList(0, n));
      Hash root1 = refRoots[m];
      Hash root2 = refRoots[n];
      int sample = (7 * m + 31 * n) % 256;
      if (m == 0 || m == n) {
        // No proof hashes; the roots are compared directly, every bit through the verifier.
        for (int bit = 0; bit < 256; bit++) {
          expectRootMismatch(m, n, path, flip(root1, bit), root2);
          if (m > 0 || n == 0) {
            expectRootMismatch(m, n, path, root1, flip(root2, bit));
          } else {
            // The empty tree is a prefix of every tree: nothing ties root2 to the empty proof.
            assertThat(ReferenceMerkle.consistent(m, n, path, root1, flip(root2, bit))).isTrue();
            expectConsistent(m, n, path, root1, flip(root2, bit));
          }
        }
        continue;
      }
      for (int e = 0; e < path.size(); e++) {
        for (int bit = 0; bit < 256; bit++) {
          expectRootsDiffer(m, n, flipped(path, e, bit), root1, root2);
        }
        expectRootMismatch(m, n, flipped(path, e, sample), root1, root2);
      }
      for (int bit = 0; bit < 256; bit++) {
        expectRootsDiffer(m, n, path, flip(root1, bit), root2);
        // The calculated root2 does not depend on the root2 given, so no flip can equal it.
        assertThat(flip(root2, bit)).isNotEqualTo(root2);
      }
      expectRootMismatch(m, n, path, flip(root1, sample), root2);
      expectRootMismatch(m, n, path, root1, flip(root2, sample));
    }
  }

  private static Class<? extends ProofVerificationException> expectedInclusionFailure(
      long index, long size, List<Hash> path) {
    if (index >= size) {
      return IndexOutOfRangeException.class;
    }
    if (ReferenceMerkle.pathLength(index, size) != path.size()) {
      return ProofLengthException.class;
    }
    return RootMismatchException.class;
  }

  private static Class<? extends ProofVerificationException> expectedConsistencyFailure(
      long size1, long size2, List<Hash> path) {
    if (size1 > size2) {
      return TreeSizeOrderException.class;
    }
    if (ReferenceMerkle.proofLength(size1, size2) != path.size()) {
      return ProofLengthException.class;
    }
    return RootMismatchException.class;
  }

  private static void expectInclusionFailure(
      long index,
      long size,
      Hash leaf,
      List<Hash> path,
      Hash root,
      Class<? extends ProofVerificationException> type) {
    assertThat(ReferenceMerkle.includes(index, size, leaf, path, root))
        .as("reference accepts index %d size %d", index, size)
        .isFalse();
    try {
      MerkleVerifier.verifyInclusion(index, size, leaf, path, root);
      fail("verified a corrupted inclusion proof: index %d, size %d, path %s", index, size, path);
    } catch (ProofVerificationException e) {
      if (e.getClass() != type) {
        fail("index " + index + ", size " + size + ": want " + type.getSimpleName(), e);
      }
    }
  }

  private static void expectConsistencyFailure(
      long size1,
      long size2,
      List<Hash> path,
      Hash root1,
      Hash root2,
      Class<? extends ProofVerificationException> type) {
    assertThat(ReferenceMerkle.consistent(size1, size2, path, root1, root2))
        .as("reference accepts %d -> %d", size1, size2)
        .isFalse();
    try {
      MerkleVerifier.verifyConsistency(size1, size2, path, root1, root2);
      fail("verified a corrupted consistency proof: %d -> %d, path %s", size1, size2, path);
    } catch (ProofVerificationException e) {
      if (e.getClass() != type) {
        fail("size1 " + size1 + ", size2 " + size2 + ": want " + type.getSimpleName(), e);
      }
    }
  }

  /** The whole verification fails on the root, naming the size, the given and the true root. */
  private static void expectRootMismatch(
      long index, long size, Hash leaf, List<Hash> path, Hash root) {
    Hash calculated = rootFrom(index, size, leaf, path);
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(index, size, leaf, path, root))
        .isInstanceOfSatisfying(
            RootMismatchException.class,
            e -> {
              assertThat(e.size()).isEqualTo(size);
              assertThat(e.expected()).isEqualTo(root);
              assertThat(e.calculated()).isEqualTo(calculated).isNotEqualTo(root);
            });
  }

  private static void expectRootMismatch(
      long size1, long size2, List<Hash> path, Hash root1, Hash root2) {
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(size1, size2, path, root1, root2))
        .isInstanceOfSatisfying(
            RootMismatchException.class,
            e -> {
              assertThat(e.size()).isIn(size1, size2);
              if (size1 == size2) {
                assertThat(e.expected()).isIn(root1, root2);
              } else {
                assertThat(e.expected()).isEqualTo(e.size() == size1 ? root1 : root2);
              }
              assertThat(e.calculated()).isNotEqualTo(e.expected());
            });
  }

  /** What the verifier computes from a corrupted proof is not the pair of trusted roots. */
  private static void expectRootsDiffer(
      long size1, long size2, List<Hash> path, Hash root1, Hash root2) {
    Hash[] roots = MerkleVerifier.rootsFromConsistencyProof(size1, size2, path, root1);
    if (roots[0].equals(root1) && roots[1].equals(root2)) {
      fail("a corrupted consistency proof %d -> %d leads to both roots: %s", size1, size2, path);
    }
  }

  private static void expectIncluded(long index, long size, Hash leaf, List<Hash> path, Hash root) {
    try {
      MerkleVerifier.verifyInclusion(index, size, leaf, path, root);
    } catch (ProofVerificationException e) {
      fail("index " + index + ", size " + size, e);
    }
  }

  private static void expectConsistent(
      long size1, long size2, List<Hash> path, Hash root1, Hash root2) {
    try {
      MerkleVerifier.verifyConsistency(size1, size2, path, root1, root2);
    } catch (ProofVerificationException e) {
      fail("size1 " + size1 + ", size2 " + size2, e);
    }
  }

  /** The verifier's computation, for proofs whose sizes and length are right. */
  private static Hash rootFrom(long index, long size, Hash leaf, List<Hash> path) {
    try {
      return MerkleVerifier.rootFromInclusionProof(index, size, leaf, path);
    } catch (ProofVerificationException e) {
      throw new AssertionError("index " + index + ", size " + size, e);
    }
  }

  private static List<Hash> flipped(List<Hash> path, int element, int bit) {
    List<Hash> copy = new ArrayList<>(path);
    copy.set(element, flip(path.get(element), bit));
    return copy;
  }

  static Hash flip(Hash hash, int bit) {
    byte[] bytes = hash.bytes();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    return Hash.of(bytes);
  }
}
