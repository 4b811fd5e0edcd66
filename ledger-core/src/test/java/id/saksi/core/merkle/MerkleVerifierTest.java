package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.VerificationException;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks, their order, and their messages, on the RFC 6962 reference tree of 8 leaves. */
class MerkleVerifierTest {
  // Roots of the reference tree, from src/test/resources/merkle/rfc6962-reference-tree.txt.
  private static final String ROOT_7 =
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c";
  private static final String ROOT_8 =
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
  private static final String[] INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private static MerkleTree tree;
  private static List<Hash> leaves;

  @BeforeAll
  static void build() {
    tree = MerkleTree.create(new InMemoryHashStore());
    leaves = new ArrayList<>();
    for (String input : INPUTS) {
      Hash leaf = Hashing.leafHash(HexFormat.of().parseHex(input));
      leaves.add(leaf);
      tree.append(leaf);
    }
  }

  @Test
  void verifyInclusion_referenceProof_passesAndLeadsToTheRoot() throws Exception {
    InclusionProof proof = tree.inclusionProof(5, 8);
    assertThat(proof.rootFrom(leaves.get(5)).hex()).isEqualTo(ROOT_8);
    proof.verify(leaves.get(5), tree.root(8));
  }

  @Test
  void verifyInclusion_indexNotBelowSize_failsFirstWithBoth() {
    List<Hash> path = tree.inclusionProof(0, 8).path();
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(8, 8, leaves.get(0), path, root(8)))
        .isInstanceOfSatisfying(
            IndexOutOfRangeException.class,
            e -> {
              assertThat(e.index()).isEqualTo(8);
              assertThat(e.size()).isEqualTo(8);
            })
        .hasMessage("leaf index 8 is not in a tree of size 8 (want index < size)");
  }

  @Test
  void verifyInclusion_emptyTree_hasNoLeaf() {
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(0, 0, leaves.get(0), List.of(), root(0)))
        .isInstanceOf(IndexOutOfRangeException.class)
        .hasMessage("leaf index 0 is not in a tree of size 0 (want index < size)");
  }

  @Test
  void verifyInclusion_hashTooMany_failsBeforeHashing() {
    List<Hash> path = new ArrayList<>(tree.inclusionProof(0, 8).path());
    path.add(root(8));
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(0, 8, leaves.get(0), path, root(8)))
        .isInstanceOfSatisfying(
            ProofLengthException.class,
            e -> {
              assertThat(e.got()).isEqualTo(4);
              assertThat(e.want()).isEqualTo(3);
            })
        .hasMessage("inclusion proof of leaf 0 in tree size 8 has 4 hashes, want 3");
  }

  @Test
  void verifyInclusion_singleLeafTree_wantsAnEmptyProofAndTheLeafAsRoot() throws Exception {
    MerkleVerifier.verifyInclusion(0, 1, leaves.get(0), List.of(), leaves.get(0));
    assertThatThrownBy(
            () ->
                MerkleVerifier.verifyInclusion(
                    0, 1, leaves.get(0), List.of(leaves.get(1)), leaves.get(0)))
        .isInstanceOf(ProofLengthException.class)
        .hasMessage("inclusion proof of leaf 0 in tree size 1 has 1 hashes, want 0");
  }

  @Test
  void verifyInclusion_wrongLeaf_printsExpectedAndCalculatedRoot() throws Exception {
    List<Hash> path = tree.inclusionProof(5, 8).path();
    Hash calculated = MerkleVerifier.rootFromInclusionProof(5, 8, leaves.get(4), path);
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(5, 8, leaves.get(4), path, root(8)))
        .isInstanceOfSatisfying(
            RootMismatchException.class,
            e -> {
              assertThat(e.size()).isEqualTo(8);
              assertThat(e.expected().hex()).isEqualTo(ROOT_8);
              assertThat(e.calculated()).isEqualTo(calculated);
            })
        .hasMessage("calculated root of tree size 8 is " + calculated + ", expected " + ROOT_8)
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void verifyInclusion_negativeNumbers_areBugsNotProofs() {
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(-1, 8, leaves.get(0), List.of(), root(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaf index must not be negative, got -1");
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(0, -8, leaves.get(0), List.of(), root(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size must not be negative, got -8");
  }

  @Test
  void verifyConsistency_referenceProof_passes() throws Exception {
    tree.consistencyProof(6, 8).verify(root(6), root(8));
    tree.consistencyProof(4, 8).verify(root(4), root(8));
  }

  @Test
  void verifyConsistency_shrinkingTree_failsFirst() {
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(8, 7, List.of(), root(8), root(7)))
        .isInstanceOfSatisfying(
            TreeSizeOrderException.class,
            e -> {
              assertThat(e.size1()).isEqualTo(8);
              assertThat(e.size2()).isEqualTo(7);
            })
        .hasMessage(
            "consistency proof from tree size 8 to the smaller size 7 (want size1 <= size2)");
  }

  @Test
  void verifyConsistency_emptyProofForAGrownTree_failsOnLength() {
    // RFC 9162 section 2.1.4.2 step 1: an empty path fails.
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(6, 8, List.of(), root(6), root(8)))
        .isInstanceOf(ProofLengthException.class)
        .hasMessage("consistency proof from tree size 6 to 8 has 0 hashes, want 3");
  }

  @Test
  void verifyConsistency_wrongOldRoot_namesTheOldSize() {
    List<Hash> path = tree.consistencyProof(6, 8).path();
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(6, 8, path, root(7), root(8)))
        .isInstanceOfSatisfying(
            RootMismatchException.class,
            e -> {
              assertThat(e.size()).isEqualTo(6);
              assertThat(e.expected().hex()).isEqualTo(ROOT_7);
              assertThat(e.calculated()).isEqualTo(root(6));
            })
        .hasMessage("calculated root of tree size 6 is " + root(6) + ", expected " + ROOT_7);
  }

  @Test
  void verifyConsistency_wrongNewRoot_namesTheNewSize() {
    List<Hash> path = tree.consistencyProof(6, 8).path();
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(6, 8, path, root(6), root(7)))
        .isInstanceOf(RootMismatchException.class)
        .hasMessage("calculated root of tree size 8 is " + ROOT_8 + ", expected " + ROOT_7);
  }

  @Test
  void verifyConsistency_equalSizes_wantEmptyProofAndEqualRoots() {
    assertThatCode(() -> MerkleVerifier.verifyConsistency(8, 8, List.of(), root(8), root(8)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> MerkleVerifier.verifyConsistency(8, 8, List.of(root(4)), root(8), root(8)))
        .isInstanceOf(ProofLengthException.class)
        .hasMessage("consistency proof from tree size 8 to 8 has 1 hashes, want 0");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(8, 8, List.of(), root(7), root(8)))
        .isInstanceOf(RootMismatchException.class)
        .hasMessage("calculated root of tree size 8 is " + ROOT_7 + ", expected " + ROOT_8);
  }

  @Test
  void verifyConsistency_fromTheEmptyTree_wantsTheEmptyRootAndNothingElse() {
    Hash empty = Hashing.emptyRoot();
    assertThatCode(() -> MerkleVerifier.verifyConsistency(0, 8, List.of(), empty, root(8)))
        .doesNotThrowAnyException();
    assertThatCode(() -> MerkleVerifier.verifyConsistency(0, 0, List.of(), empty, empty))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> MerkleVerifier.verifyConsistency(0, 8, List.of(root(8)), empty, root(8)))
        .isInstanceOf(ProofLengthException.class)
        .hasMessage("consistency proof from tree size 0 to 8 has 1 hashes, want 0");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(0, 8, List.of(), root(1), root(8)))
        .isInstanceOf(RootMismatchException.class)
        .hasMessage("calculated root of tree size 0 is " + empty + ", expected " + root(1));
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(0, 0, List.of(), empty, root(1)))
        .isInstanceOf(RootMismatchException.class)
        .hasMessage("calculated root of tree size 0 is " + empty + ", expected " + root(1));
  }

  @Test
  void verifyConsistency_negativeSizes_areBugsNotProofs() {
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(-1, 8, List.of(), root(0), root(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size1 must not be negative, got -1");
  }

  @Test
  void proofRecords_copyTheirPathsAndRejectNegatives() {
    List<Hash> path = new ArrayList<>(List.of(root(1)));
    InclusionProof inclusion = new InclusionProof(0, 2, path);
    ConsistencyProof consistency = new ConsistencyProof(1, 2, path);
    path.add(root(2));
    assertThat(inclusion.path()).containsExactly(root(1));
    assertThat(consistency.path()).containsExactly(root(1));
    assertThatThrownBy(() -> inclusion.path().add(root(3)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new InclusionProof(-1, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index and size must not be negative, got index -1, size 2");
    assertThatThrownBy(() -> new ConsistencyProof(1, -2, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sizes must not be negative, got size1 1, size2 -2");
    List<Hash> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> new InclusionProof(0, 2, withNull))
        .isInstanceOf(NullPointerException.class);
  }

  private static Hash root(long size) {
    return tree.root(size);
  }
}
