package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static Hash leaf(int i) {
    return Hashing.leafHash(new byte[] {(byte) i, (byte) (i >> 8)});
  }

  /** Counts calls, so that a test can insist on one batched read per root or proof. */
  private static final class CountingStore implements HashStore {
    final InMemoryHashStore inner = new InMemoryHashStore();
    final List<List<NodeId>> reads = new ArrayList<>();
    int writes;
    boolean failWrites;

    @Override
    public List<Hash> read(List<NodeId> ids) {
      reads.add(ids);
      return inner.read(ids);
    }

    @Override
    public void write(List<Node> nodes) {
      if (failWrites) {
        throw new IllegalStateException("disk full");
      }
      writes++;
      inner.write(nodes);
    }
  }

  private static MerkleTree treeOf(HashStore store, int size) {
    MerkleTree tree = MerkleTree.create(store);
    for (int i = 0; i < size; i++) {
      assertThat(tree.append(leaf(i))).isEqualTo(i);
    }
    return tree;
  }

  @Test
  void append_writesOnceAndStoresEveryCompletedNode() {
    CountingStore store = new CountingStore();
    treeOf(store, 1000);
    assertThat(store.writes).isEqualTo(1000);
    assertThat(store.inner.leafCount()).isEqualTo(1000);
    // 1000 leaves complete 1000 - popcount(1000) interior nodes.
    long interior = 0;
    for (int level = 1; level <= 9; level++) {
      interior += 1000 >> level;
    }
    assertThat(interior).isEqualTo(1000 - Long.bitCount(1000));
    assertThat(store.inner.get(new NodeId(9, 0))).isNotNull();
    assertThat(store.reads).isEmpty();
  }

  @Test
  void rootsAndProofs_readOnceEach_logarithmicallyMany() throws Exception {
    CountingStore store = new CountingStore();
    MerkleTree tree = treeOf(store, 1000);
    Hash root = tree.root();
    assertThat(store.reads).isEmpty();

    Hash past = tree.root(777);
    assertThat(store.reads).hasSize(1);
    assertThat(store.reads.get(0)).hasSize(Long.bitCount(777));

    InclusionProof inclusion = tree.inclusionProof(500, 1000);
    assertThat(store.reads).hasSize(2);
    assertThat(store.reads.get(1).size()).isLessThanOrEqualTo(2 * 10);
    inclusion.verify(leaf(500), root);

    ConsistencyProof consistency = tree.consistencyProof(777, 1000);
    assertThat(store.reads).hasSize(3);
    assertThat(store.reads.get(2).size()).isLessThanOrEqualTo(2 * 10);
    consistency.verify(past, root);

    tree.consistencyProof(1000, 1000);
    tree.root(0);
    tree.root(1000);
    assertThat(store.reads).as("nothing to read").hasSize(3);
  }

  @Test
  void open_atAStoredSize_continuesTheSameTree() {
    CountingStore store = new CountingStore();
    MerkleTree first = treeOf(store, 300);
    Hash root300 = first.root();
    MerkleTree reopened = MerkleTree.open(store, 300);
    assertThat(store.reads).hasSize(1);
    assertThat(reopened.size()).isEqualTo(300);
    assertThat(reopened.root()).isEqualTo(root300);
    for (int i = 300; i < 400; i++) {
      reopened.append(leaf(i));
    }
    assertThat(reopened.root()).isEqualTo(treeOf(new InMemoryHashStore(), 400).root());
    assertThat(reopened.root(300)).isEqualTo(root300);
    assertThat(MerkleTree.open(new InMemoryHashStore(), 0).root()).isEqualTo(Hashing.emptyRoot());
  }

  @Test
  void open_atASmallerSize_isThatPastTree() {
    InMemoryHashStore store = new InMemoryHashStore();
    MerkleTree tree = treeOf(store, 100);
    assertThat(MerkleTree.open(store, 37).root()).isEqualTo(tree.root(37));
  }

  @Test
  void append_storeFails_treeRefusesFurtherUseUntilReopened() {
    CountingStore store = new CountingStore();
    MerkleTree tree = treeOf(store, 5);
    Hash root5 = tree.root();
    store.failWrites = true;
    assertThatThrownBy(() -> tree.append(leaf(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("disk full");
    assertThatThrownBy(tree::root)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a store write failed, so this tree is ahead of its store; reopen it with"
                + " MerkleTree.open at the size the store holds");
    store.failWrites = false;
    assertThat(MerkleTree.open(store, 5).root()).isEqualTo(root5);
  }

  @Test
  void requestsBeyondTheTree_areBugs() {
    MerkleTree tree = treeOf(new InMemoryHashStore(), 10);
    assertThatThrownBy(() -> tree.root(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size must be 0 to 10 (the current size), got 11");
    assertThatThrownBy(() -> tree.inclusionProof(3, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size must be 0 to 10 (the current size), got 11");
    assertThatThrownBy(() -> tree.inclusionProof(10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an inclusion proof needs 0 <= index < size, got index 10, size 10");
    assertThatThrownBy(() -> tree.consistencyProof(5, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size2 must be 0 to 10 (the current size), got 11");
    assertThatThrownBy(() -> tree.consistencyProof(6, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a consistency proof needs 0 <= size1 <= size2, got size1 6, size2 5");
  }

  @Test
  void readerReturningTooFewHashes_isCaught() {
    InMemoryHashStore real = new InMemoryHashStore();
    HashStore lossy =
        new HashStore() {
          @Override
          public List<Hash> read(List<NodeId> ids) {
            return real.read(ids.subList(1, ids.size()));
          }

          @Override
          public void write(List<Node> nodes) {
            real.write(nodes);
          }
        };
    MerkleTree tree = treeOf(lossy, 10);
    assertThatThrownBy(() -> tree.inclusionProof(0, 7))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the plan reads 4 nodes, the reader returned 3");
    assertThatThrownBy(() -> MerkleTree.open(lossy, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the frontier of tree size 10 is 2 nodes, got 1 hashes");
  }
}
