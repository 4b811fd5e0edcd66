package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.RootMismatchException;
import id.saksi.core.testing.SignedLedgerBuilder;
import org.junit.jupiter.api.Test;

class RangeProofTest {
  private final SignedLedgerBuilder ledger = SignedLedgerBuilder.small();

  @Test
  void encode_parse_roundTrips() throws Exception {
    RangeProof p = ledger.rangeProof(1, 3, 5);

    assertThat(new String(p.encode(), US_ASCII))
        .startsWith("saksi-range-proof@v1\nstart 1\nend 3\nleft ");
    assertThat(RangeProof.parse(p.encode())).isEqualTo(p);
  }

  @Test
  void verify_rangeRebuiltFromItsLeaves_joinsTheSignedRoot() throws Exception {
    for (int start = 0; start < 5; start++) {
      for (int end = start + 1; end <= 5; end++) {
        RangeProof p = ledger.rangeProof(start, end, 5);
        CompactRange tree = p.leftFrontier();
        for (int i = start; i < end; i++) {
          tree.append(ledger.entries().get(i).leafHash());
        }
        p.verify(tree.root(), 5, ledger.checkpointText().rootHash());
      }
    }
  }

  @Test
  void verify_wrongLeftHash_fails() {
    RangeProof honest = ledger.rangeProof(2, 4, 5);
    RangeProof p = new RangeProof(2, 4, java.util.List.of(Hash.ZERO), honest.right());
    CompactRange tree = p.leftFrontier();
    tree.append(ledger.entries().get(2).leafHash());
    tree.append(ledger.entries().get(3).leafHash());

    assertThatThrownBy(() -> p.verify(tree.root(), 5, ledger.checkpointText().rootHash()))
        .isInstanceOf(RootMismatchException.class);
  }

  @Test
  void parse_rightBeforeLeft_isRefused() {
    String text =
        "saksi-range-proof@v1\nstart 1\nend 2\nright "
            + Hash.ZERO.base64()
            + "\nleft "
            + Hash.ZERO.base64()
            + "\n";
    assertThatThrownBy(() -> RangeProof.parse(text.getBytes(US_ASCII)))
        .isInstanceOf(ExportFormatException.class)
        .hasMessage("range-proof: line 5: every left hash comes before the right ones");
  }

  @Test
  void parse_leftHashesNotMatchingStart_isRefused() {
    String text = "saksi-range-proof@v1\nstart 3\nend 4\nleft " + Hash.ZERO.base64() + "\n";
    assertThatThrownBy(() -> RangeProof.parse(text.getBytes(US_ASCII)))
        .isInstanceOf(ExportFormatException.class)
        .hasMessage("range-proof: the subtrees left of 3 are 2 hashes, got 1");
  }
}
