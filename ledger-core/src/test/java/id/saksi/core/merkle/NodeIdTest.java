package id.saksi.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeIdTest {
  @Test
  void range_isIndexTimesTwoToTheLevel() {
    NodeId node = new NodeId(3, 5);
    assertThat(node.begin()).isEqualTo(40);
    assertThat(node.end()).isEqualTo(48);
    assertThat(node.isCompleteIn(48)).isTrue();
    assertThat(node.isCompleteIn(47)).isFalse();
    assertThat(node).hasToString("(3, 5)");
    assertThat(NodeId.leaf(7)).isEqualTo(new NodeId(0, 7));
  }

  @Test
  void constructor_largestNodes_endAtOrBeforeLongMax() {
    assertThat(new NodeId(62, 0).end()).isEqualTo(1L << 62);
    assertThat(new NodeId(0, Long.MAX_VALUE - 1).end()).isEqualTo(Long.MAX_VALUE);
    assertThat(new NodeId(1, (Long.MAX_VALUE >>> 1) - 1).end()).isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void constructor_outOfRange_saysWhatFits() {
    assertThatThrownBy(() -> new NodeId(63, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node level must be 0 to 62, got 63");
    assertThatThrownBy(() -> new NodeId(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node level must be 0 to 62, got -1");
    assertThatThrownBy(() -> new NodeId(0, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "node index at level 0 must be 0 to 9223372036854775806, got 9223372036854775807");
    assertThatThrownBy(() -> new NodeId(62, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node index at level 62 must be 0 to 0, got 1");
    assertThatThrownBy(() -> new NodeId(2, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node index at level 2 must be 0 to 2305843009213693950, got -1");
  }
}
