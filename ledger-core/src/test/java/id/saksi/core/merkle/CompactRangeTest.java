package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
  private static Hash leaf(int i) {
    return Hashing.leafHash(new byte[] {(byte) i});
  }

  private static List<NodeId> ids(List<Node> nodes) {
    List<NodeId> ids = new ArrayList<>();
    for (Node node : nodes) {
      ids.add(node.id());
    }
    return ids;
  }

  @Test
  void append_returnsTheLeafAndEveryParentItCompletes() {
    CompactRange range = new CompactRange();
    assertThat(ids(range.append(leaf(0)))).containsExactly(new NodeId(0, 0));
    assertThat(ids(range.append(leaf(1)))).containsExactly(new NodeId(0, 1), new NodeId(1, 0));
    assertThat(ids(range.append(leaf(2)))).containsExactly(new NodeId(0, 2));
    List<Node> fourth = range.append(leaf(3));
    assertThat(ids(fourth)).containsExactly(new NodeId(0, 3), new NodeId(1, 1), new NodeId(2, 0));
    Hash left = Hashing.nodeHash(leaf(0), leaf(1));
    Hash right = Hashing.nodeHash(leaf(2), leaf(3));
    assertThat(fourth.get(0).hash()).isEqualTo(leaf(3));
    assertThat(fourth.get(1).hash()).isEqualTo(right);
    assertThat(fourth.get(2).hash()).isEqualTo(Hashing.nodeHash(left, right));
    assertThat(range.size()).isEqualTo(4);
    assertThat(range.root()).isEqualTo(Hashing.nodeHash(left, right));
  }

  @Test
  void root_nonPowerOfTwo_hashesTheFrontierFromTheRight() {
    CompactRange range = new CompactRange();
    for (int i = 0; i < 7; i++) {
      range.append(leaf(i));
    }
    Hash four =
        Hashing.nodeHash(Hashing.nodeHash(leaf(0), leaf(1)), Hashing.nodeHash(leaf(2), leaf(3)));
    Hash two = Hashing.nodeHash(leaf(4), leaf(5));
    assertThat(range.hashes()).containsExactly(four, two, leaf(6));
    assertThat(range.root()).isEqualTo(Hashing.nodeHash(four, Hashing.nodeHash(two, leaf(6))));
  }

  @Test
  void frontier_isOneNodePerSetBitLargestFirst() {
    assertThat(CompactRange.frontier(0)).isEmpty();
    assertThat(CompactRange.frontier(6)).containsExactly(new NodeId(2, 0), new NodeId(1, 2));
    assertThat(CompactRange.frontier(1_000_000)).hasSize(Long.bitCount(1_000_000));
    assertThat(CompactRange.frontier(Long.MAX_VALUE)).hasSize(63);
    assertThatThrownBy(() -> CompactRange.frontier(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size must not be negative, got -1");
  }

  @Test
  void restore_fromItsOwnHashes_continuesAsIfUninterrupted() {
    CompactRange original = new CompactRange();
    for (int i = 0; i < 11; i++) {
      original.append(leaf(i));
    }
    CompactRange restored = CompactRange.restore(11, original.hashes());
    assertThat(restored.root()).isEqualTo(original.root());
    for (int i = 11; i < 40; i++) {
      assertThat(restored.append(leaf(i))).isEqualTo(original.append(leaf(i)));
    }
    assertThat(restored.root()).isEqualTo(original.root());
  }

  @Test
  void restore_wrongNumberOfHashes_says() {
    assertThatThrownBy(() -> CompactRange.restore(6, List.of(leaf(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the frontier of tree size 6 is 2 nodes, got 1 hashes");
  }

  @Test
  void append_atLongMaxLeaves_isRefused() {
    CompactRange full = CompactRange.restore(Long.MAX_VALUE, Collections.nCopies(63, leaf(0)));
    assertThatThrownBy(() -> full.append(leaf(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the tree is full at 9223372036854775807 leaves");
    CompactRange almost =
        CompactRange.restore(Long.MAX_VALUE - 1, Collections.nCopies(62, leaf(0)));
    assertThat(ids(almost.append(leaf(1)))).containsExactly(NodeId.leaf(Long.MAX_VALUE - 1));
  }

  @Test
  void append_largestMerge_reachesLevel62() {
    CompactRange range = CompactRange.restore((1L << 62) - 1, Collections.nCopies(62, leaf(0)));
    List<Node> completed = range.append(leaf(1));
    assertThat(completed).hasSize(63);
    assertThat(completed.get(62).id()).isEqualTo(new NodeId(62, 0));
    assertThat(range.hashes()).hasSize(1);
  }

  @Test
  void copy_isIndependent() {
    CompactRange range = new CompactRange();
    range.append(leaf(0));
    CompactRange copy = range.copy();
    range.append(leaf(1));
    assertThat(copy.size()).isEqualTo(1);
    assertThat(copy.root()).isEqualTo(leaf(0));
  }
}
