package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tree of 1,000,000 leaves: at a handful of sizes, edges and random ones, random inclusion and
 * consistency proofs verify, a few of them equal the reference's, and one flipped bit breaks each.
 */
class LargeTreeTest {
  private static final int LEAVES = 1_000_000;
  // Fixed, so that a failure reproduces; the sizes it draws are in the assertion descriptions.
  private static final long SEED = 0x5a6b5153L;

  private static List<Hash> leaves;
  private static MerkleTree tree;

  @BeforeAll
  static void build() {
    leaves = new ArrayList<>(LEAVES);
    tree = MerkleTree.create(new InMemoryHashStore());
    for (int i = 0; i < LEAVES; i++) {
      Hash leaf = Hashing.leafHash(ByteBuffer.allocate(8).putLong(i).array());
      leaves.add(leaf);
      tree.append(leaf);
    }
  }

  private static long[] sizes(SplittableRandom random) {
    return new long[] {
      LEAVES,
      LEAVES - 1,
      1 << 19,
      (1 << 19) + 1,
      random.nextLong(1, LEAVES + 1),
      random.nextLong(1, LEAVES + 1),
      random.nextLong(1, LEAVES + 1)
    };
  }

  @Test
  void roots_atSeveralSizes_equalReference() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (long size : sizes(random)) {
      assertThat(tree.root(size))
          .as("size %d", size)
          .isEqualTo(ReferenceMerkle.mth(leaves.subList(0, (int) size)));
    }
  }

  @Test
  void inclusionProofs_randomIndexes_verifyAndBreakOnAnyFlip() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (long size : sizes(random)) {
      Hash root = tree.root(size);
      long[] indexes = {0, size - 1, random.nextLong(size), random.nextLong(size)};
      for (long index : indexes) {
        InclusionProof proof = tree.inclusionProof(index, size);
        Hash leaf = leaves.get((int) index);
        proof.verify(leaf, root);
        int e = random.nextInt(proof.path().size() == 0 ? 1 : proof.path().size());
        if (!proof.path().isEmpty()) {
          List<Hash> bad = new ArrayList<>(proof.path());
          bad.set(e, ExhaustiveMerkleTest.flip(bad.get(e), random.nextInt(256)));
          assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(index, size, leaf, bad, root))
              .as("index %d, size %d", index, size)
              .isInstanceOf(RootMismatchException.class);
        }
        assertThatThrownBy(
                () -> proof.verify(leaf, ExhaustiveMerkleTest.flip(root, random.nextInt(256))))
            .isInstanceOf(RootMismatchException.class);
        for (int bit = 0; bit < 63; bit++) {
          long flipped = index ^ (1L << bit);
          assertThatThrownBy(
                  () -> MerkleVerifier.verifyInclusion(flipped, size, leaf, proof.path(), root))
              .as("index %d flipped to %d, size %d", index, flipped, size)
              .isInstanceOf(ProofVerificationException.class);
        }
      }
    }
  }

  @Test
  void consistencyProofs_randomPairs_verifyAndBreakOnAnyFlip() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    for (long size2 : sizes(random)) {
      Hash root2 = tree.root(size2);
      long[] olds = {1, size2 - 1, random.nextLong(1, size2 + 1), random.nextLong(1, size2 + 1)};
      for (long size1 : olds) {
        if (size1 == 0) {
          continue;
        }
        Hash root1 = tree.root(size1);
        ConsistencyProof proof = tree.consistencyProof(size1, size2);
        proof.verify(root1, root2);
        if (!proof.path().isEmpty()) {
          List<Hash> bad = new ArrayList<>(proof.path());
          int e = random.nextInt(bad.size());
          bad.set(e, ExhaustiveMerkleTest.flip(bad.get(e), random.nextInt(256)));
          assertThatThrownBy(
                  () -> MerkleVerifier.verifyConsistency(size1, size2, bad, root1, root2))
              .as("%d -> %d", size1, size2)
              .isInstanceOf(RootMismatchException.class);
        }
        for (int bit = 0; bit < 63; bit++) {
          long flipped = size1 ^ (1L << bit);
          assertThatThrownBy(
                  () ->
                      MerkleVerifier.verifyConsistency(flipped, size2, proof.path(), root1, root2))
              .as("size1 %d flipped to %d, size2 %d", size1, flipped, size2)
              .isInstanceOf(ProofVerificationException.class);
        }
      }
    }
  }

  @Test
  void proofsAtTheEdges_equalReference() {
    // The reference rehashes every subtree from the leaves: a second or so per proof here, so
    // the last leaf, one in the middle, and a consistency proof from a size that is not a
    // power of two.
    List<Hash> all = leaves.subList(0, LEAVES);
    assertThat(tree.inclusionProof(LEAVES - 1, LEAVES).path())
        .isEqualTo(ReferenceMerkle.path(LEAVES - 1, all));
    assertThat(tree.inclusionProof(777_777, LEAVES).path())
        .isEqualTo(ReferenceMerkle.path(777_777, all));
    assertThat(tree.consistencyProof(777_777, LEAVES).path())
        .isEqualTo(ReferenceMerkle.proof(777_777, all));
  }
}
