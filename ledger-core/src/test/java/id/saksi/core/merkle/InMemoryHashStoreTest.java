package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryHashStoreTest {
  private static Hash hash(int i) {
    return Hashing.sha256(new byte[] {(byte) i, (byte) (i >> 8)});
  }

  private static Node node(int level, long index, Hash hash) {
    return new Node(new NodeId(level, index), hash);
  }

  @Test
  void read_returnsHashesInTheOrderAsked_acrossGrowth() {
    InMemoryHashStore store = new InMemoryHashStore();
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(node(0, i, hash(i)));
    }
    store.write(nodes);
    store.write(List.of(node(3, 0, hash(5000))));
    assertThat(store.leafCount()).isEqualTo(1000);
    assertThat(store.read(List.of(NodeId.leaf(999), new NodeId(3, 0), NodeId.leaf(0))))
        .containsExactly(hash(999), hash(5000), hash(0));
    for (int i = 0; i < 1000; i++) {
      assertThat(store.get(NodeId.leaf(i))).isEqualTo(hash(i));
    }
  }

  @Test
  void read_nodeNotStored_namesIt() {
    InMemoryHashStore store = new InMemoryHashStore();
    store.write(List.of(node(0, 0, hash(0))));
    assertThatThrownBy(() -> store.read(List.of(NodeId.leaf(0), new NodeId(1, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node (1, 0) is not stored: level 1 holds 0 nodes");
  }

  @Test
  void write_gap_isRejectedAndNothingOfTheBatchStored() {
    InMemoryHashStore store = new InMemoryHashStore();
    assertThatThrownBy(() -> store.write(List.of(node(0, 0, hash(0)), node(0, 2, hash(2)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node (0, 2) would leave a gap: level 0 holds 1");
    assertThat(store.leafCount()).isZero();
  }

  @Test
  void write_sameHashAgain_isARetryAndAllowed() {
    InMemoryHashStore store = new InMemoryHashStore();
    store.write(List.of(node(0, 0, hash(0)), node(0, 1, hash(1))));
    store.write(List.of(node(0, 1, hash(1)), node(0, 2, hash(2)), node(0, 2, hash(2))));
    assertThat(store.leafCount()).isEqualTo(3);
  }

  @Test
  void write_differentHashForAStoredNode_isRefusedAndLeavesIt() {
    InMemoryHashStore store = new InMemoryHashStore();
    store.write(List.of(node(0, 0, hash(0))));
    assertThatThrownBy(() -> store.write(List.of(node(0, 1, hash(1)), node(0, 0, hash(9)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "node (0, 0) has hash " + hash(0) + ", refusing to overwrite it with " + hash(9));
    assertThat(store.get(NodeId.leaf(0))).isEqualTo(hash(0));
    assertThat(store.leafCount()).isEqualTo(1);
  }

  @Test
  void write_conflictWithinOneBatch_isRefused() {
    InMemoryHashStore store = new InMemoryHashStore();
    assertThatThrownBy(() -> store.write(List.of(node(0, 0, hash(0)), node(0, 0, hash(1)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "node (0, 0) has hash " + hash(0) + ", refusing to overwrite it with " + hash(1));
    assertThat(store.leafCount()).isZero();
  }
}
