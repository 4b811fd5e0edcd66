package id.saksi.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseStatus;
import id.saksi.core.entry.ChainVerifier;
import id.saksi.core.entry.Entry;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import org.junit.jupiter.api.Test;

class SignedLedgerBuilderTest {
  @Test
  void wholeCase_isAChainedSignedLedgerUnderItsCheckpoint() throws Exception {
    SignedLedgerBuilder b = SignedLedgerBuilder.wholeCase();

    assertThat(b.size()).isEqualTo(45);
    ChainVerifier chain = ChainVerifier.fromGenesis();
    CompactRange tree = new CompactRange();
    for (Entry e : b.entries()) {
      assertThat(Entry.parse(e.leafBytes())).isEqualTo(e);
      chain.append(e);
      tree.append(e.leafHash());
    }
    Checkpoint cp = Checkpoints.open(b.checkpoint(), b.logKey(), SignedLedgerBuilder.ORIGIN);
    assertThat(cp.size()).isEqualTo(45);
    assertThat(cp.rootHash()).isEqualTo(tree.root());
    assertThat(b.state().caseState(Subject.ofCase("LPG-2024-0001")).orElseThrow().status())
        .isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void wholeCase_isTheSameBytesEveryTime() {
    assertThat(SignedLedgerBuilder.wholeCase().export())
        .isEqualTo(SignedLedgerBuilder.wholeCase().export());
  }

  @Test
  void append_illegalRecord_isRefusedWithTheRule() {
    SignedLedgerBuilder b = SignedLedgerBuilder.small();

    assertThatThrownBy(
            () ->
                b.append(
                    "BAWASLU",
                    "key.added",
                    "registry",
                    SignedLedgerBuilder.J(
                        "agency", "BKN", "publicKey", SignedLedgerBuilder.publicKey("BKN"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("entry 5 (key.added registry by BAWASLU) rejected");
  }
}
