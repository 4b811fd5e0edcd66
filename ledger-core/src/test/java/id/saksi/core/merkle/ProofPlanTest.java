package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofPlanTest {
  private static NodeId id(int level, long index) {
    return new NodeId(level, index);
  }

  @Test
  void inclusion_leftEdgeOfSeven_endsWithAnEphemeralNode() {
    // PATH(0, D[7]) = [MTH(D[1:2]), MTH(D[2:4]), MTH(D[4:7])]; D[4:7] is not a complete subtree.
    ProofPlan plan = ProofPlan.inclusion(0, 7);
    assertThat(plan.elements())
        .containsExactly(List.of(id(0, 1)), List.of(id(1, 1)), List.of(id(1, 2), id(0, 6)));
    assertThat(plan.reads()).containsExactly(id(0, 1), id(1, 1), id(1, 2), id(0, 6));
    assertThat(plan.length()).isEqualTo(3);
    assertThat(plan).hasToString("[[(0, 1)], [(1, 1)], [(1, 2), (0, 6)]]");
  }

  @Test
  void inclusion_lastLeafOfSeven_readsOnlyLeftSiblings() {
    assertThat(ProofPlan.inclusion(6, 7).elements())
        .containsExactly(List.of(id(1, 2)), List.of(id(2, 0)));
    assertThat(ProofPlan.inclusion(0, 1).elements()).isEmpty();
  }

  @Test
  void consistency_sixToEight_endsWithTheOldTreesLeftHalf() {
    assertThat(ProofPlan.consistency(6, 8).elements())
        .containsExactly(List.of(id(1, 2)), List.of(id(1, 3)), List.of(id(2, 0)));
  }

  @Test
  void consistency_threeToSeven_startsWithTheOldTreesLastLeaf() {
    assertThat(ProofPlan.consistency(3, 7).elements())
        .containsExactly(
            List.of(id(0, 2)), List.of(id(0, 3)), List.of(id(1, 0)), List.of(id(1, 2), id(0, 6)));
  }

  @Test
  void consistency_nothingToProve_isEmpty() {
    assertThat(ProofPlan.consistency(0, 9).reads()).isEmpty();
    assertThat(ProofPlan.consistency(9, 9).reads()).isEmpty();
    assertThat(ProofPlan.consistency(0, 0).reads()).isEmpty();
  }

  @Test
  void root_isTheFrontier() {
    assertThat(ProofPlan.root(6).elements()).containsExactly(List.of(id(2, 0), id(1, 2)));
    assertThat(ProofPlan.root(6).reads()).isEqualTo(CompactRange.frontier(6));
    assertThatThrownBy(() -> ProofPlan.root(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the root of tree size 0 reads no node");
  }

  @Test
  void plans_badArguments_say() {
    assertThatThrownBy(() -> ProofPlan.inclusion(7, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an inclusion proof needs 0 <= index < size, got index 7, size 7");
    assertThatThrownBy(() -> ProofPlan.consistency(8, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a consistency proof needs 0 <= size1 <= size2, got size1 8, size2 7");
  }

  @Test
  void everyPlanUpTo64_readsDistinctCompleteNodes_asManyElementsAsTheProofHas() {
    for (long n = 1; n <= 64; n++) {
      checkReads(ProofPlan.root(n), n);
      for (long i = 0; i < n; i++) {
        ProofPlan plan = ProofPlan.inclusion(i, n);
        checkReads(plan, n);
        assertThat(plan.length()).isEqualTo(MerkleVerifier.inclusionProofLength(i, n));
      }
      for (long m = 0; m <= n; m++) {
        ProofPlan plan = ProofPlan.consistency(m, n);
        checkReads(plan, n);
        assertThat(plan.length()).isEqualTo(MerkleVerifier.consistencyProofLength(m, n));
      }
    }
  }

  @Test
  void plansInHugeTrees_readLogarithmicallyMany() {
    long size = Long.MAX_VALUE;
    ProofPlan inclusion = ProofPlan.inclusion(0, size);
    checkReads(inclusion, size);
    assertThat(inclusion.length()).isEqualTo(63);
    // One element is ephemeral: the right edge [2^62, 2^63 - 1) needs its 62 complete nodes.
    assertThat(inclusion.reads()).hasSize(62 + 62);
    ProofPlan consistency = ProofPlan.consistency(size / 3, size);
    checkReads(consistency, size);
    assertThat(consistency.reads().size()).isLessThanOrEqualTo(2 * 64);
  }

  @Test
  void assemble_rehashesEphemeralNodesFromTheRight() {
    Hash a = Hashing.sha256(new byte[] {1});
    Hash b = Hashing.sha256(new byte[] {2});
    Hash c = Hashing.sha256(new byte[] {3});
    Hash d = Hashing.sha256(new byte[] {4});
    assertThat(ProofPlan.inclusion(0, 7).assemble(List.of(a, b, c, d)))
        .containsExactly(a, b, Hashing.nodeHash(c, d));
    assertThat(ProofPlan.root(7).assemble(List.of(a, b, c)))
        .containsExactly(Hashing.nodeHash(a, Hashing.nodeHash(b, c)));
  }

  @Test
  void assemble_wrongNumberOfHashes_blamesTheReader() {
    assertThatThrownBy(() -> ProofPlan.inclusion(0, 7).assemble(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the plan reads 4 nodes, the reader returned 0");
  }

  private static void checkReads(ProofPlan plan, long size) {
    assertThat(new HashSet<>(plan.reads())).hasSameSizeAs(plan.reads());
    for (NodeId id : plan.reads()) {
      assertThat(id.isCompleteIn(size)).as("%s in size %d", id, size).isTrue();
    }
  }
}
