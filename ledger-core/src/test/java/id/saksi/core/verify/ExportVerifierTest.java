package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.export.ExportScope;
import id.saksi.core.export.RangeProof;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.TlogProof;
import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportVerifierTest {
  private static SignedLedgerBuilder ledger;

  @TempDir Path dir;

  @BeforeAll
  static void build() {
    ledger = SignedLedgerBuilder.wholeCase();
  }

  private VerificationReport verify(Path p) throws Exception {
    return ExportVerifier.verify(p, VerifyOptions.of(ledger.logKey()).withMaxFailures(100));
  }

  @Test
  void verify_wholeLedger_isValidWithEverythingCounted() throws Exception {
    VerificationReport r = verify(ledger.writeExport(dir.resolve("x.zip")));

    assertThat(r.failures()).isEmpty();
    assertThat(r.counts()).isEqualTo(new VerificationReport.Counts(45, 45, 45, 0, 0, 0));
    assertThat(r.checkpoint().orElseThrow().size()).isEqualTo(45);
  }

  @Test
  void verify_caseExport_isValidWithProofs() throws Exception {
    VerificationReport r =
        verify(
            ledger.writeExport(
                dir.resolve("x.zip"), ExportScope.subject("case/LPG-2024-0001"), false));

    assertThat(r.failures()).isEmpty();
    assertThat(r.counts().entries()).isEqualTo(44);
    assertThat(r.counts().proofs()).isEqualTo(44);
  }

  @Test
  void verify_rangeExport_isValid() throws Exception {
    VerificationReport r =
        verify(ledger.writeExport(dir.resolve("x.zip"), ExportScope.range(33, 40), false));

    assertThat(r.failures()).isEmpty();
    assertThat(r.notes())
        .contains(
            "subjects whose history began before the range, so that the domain's rules could not"
                + " judge their records: 1");
  }

  @Test
  void verify_caseExportWithAForgedProof_failsAtThatEntry() throws Exception {
    BundleEditor b =
        BundleEditor.of(ledger.export(ExportScope.subject("case/LPG-2024-0001"), false));
    TlogProof honest = TlogProof.parse(b.get("proofs/35.tlog-proof"));
    List<Hash> path = new ArrayList<>(honest.path());
    path.set(0, Hash.ZERO);
    b.put("proofs/35.tlog-proof", TlogProof.of(35, path, honest.signedCheckpoint()).encode());

    Failure f = verify(b.write(dir.resolve("x.zip"))).failures().get(0);

    assertThat(f.index()).hasValue(35);
    assertThat(f.check()).isEqualTo(Check.PROOF);
    assertThat(f.message())
        .startsWith(
            "its inclusion proof does not place it in the checkpoint's tree: calculated root");
  }

  @Test
  void verify_caseExportWithAnEntryButNoProof_failsAtThatEntry() throws Exception {
    BundleEditor b =
        BundleEditor.of(ledger.export(ExportScope.subject("case/LPG-2024-0001"), false));
    b.remove("proofs/40.tlog-proof");

    Failure f = verify(b.write(dir.resolve("x.zip"))).failures().get(0);

    assertThat(f.toString())
        .isEqualTo(
            "entry 40: proof: has no inclusion proof (proofs/40.tlog-proof): nothing places it in"
                + " the signed tree");
  }

  @Test
  void verify_rangeExportWithAForgedLeftHash_failsTheRangeProof() throws Exception {
    BundleEditor b = BundleEditor.of(ledger.export(ExportScope.range(33, 40), false));
    RangeProof honest = RangeProof.parse(b.get("range-proof"));
    List<Hash> left = new ArrayList<>(honest.left());
    left.set(0, Hash.ZERO);
    b.put("range-proof", new RangeProof(33, 40, left, honest.right()).encode());

    Failure f = verify(b.write(dir.resolve("x.zip"))).failures().get(0);

    assertThat(f.check()).isEqualTo(Check.PROOF);
    assertThat(f.index()).isEmpty();
    assertThat(f.message())
        .startsWith("the range proof does not place entries 33 to 39 in the checkpoint's tree");
  }

  @Test
  void verify_rangeExportSinceACheckpointInsideTheRange_isConsistent() throws Exception {
    VerificationReport r =
        ExportVerifier.verify(
            ledger.writeExport(dir.resolve("x.zip"), ExportScope.range(33, 40), false),
            VerifyOptions.of(ledger.logKey()).withSince(ledger.checkpoint(36)));

    assertThat(r.failures()).isEmpty();
  }

  @Test
  void verify_caseExportSinceAnOlderCheckpoint_isUnusable() {
    assertThatThrownBy(
            () ->
                ExportVerifier.verify(
                    ledger.writeExport(
                        dir.resolve("x.zip"), ExportScope.subject("case/LPG-2024-0001"), false),
                    VerifyOptions.of(ledger.logKey()).withSince(ledger.checkpoint(36))))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage(
            "an export of every entry of case/LPG-2024-0001 does not hold the entries to rebuild"
                + " the tree of size 36 (the size of the checkpoint given with --since); verify a"
                + " whole-ledger export");
  }

  @Test
  void verify_sinceCheckpointOfAnotherLog_isUnusable() {
    byte[] other =
        id.saksi.core.note.Checkpoints.sign(
            ledger.checkpointText(), SignedLedgerBuilder.logSigner("OTHER"));
    assertThatThrownBy(
            () ->
                ExportVerifier.verify(
                    ledger.writeExport(dir.resolve("x.zip")),
                    VerifyOptions.of(ledger.logKey()).withSince(other)))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageStartingWith(
            "the checkpoint given with --since is not a checkpoint of this log:");
  }

  @Test
  void verify_all_listsEveryFailureUpToTheLimit() throws Exception {
    BundleEditor b = BundleEditor.of(ledger.export());
    List<byte[]> lines = b.lines();
    lines.add(41, lines.get(40));
    lines.add(21, lines.get(20));

    VerificationReport r =
        ExportVerifier.verify(
            b.lines(lines).write(dir.resolve("x.zip")),
            VerifyOptions.of(ledger.logKey()).withMaxFailures(2));

    assertThat(r.failures()).extracting(f -> f.index().getAsLong()).containsExactly(21L, 41L);
    assertThat(r.stoppedEarly()).isTrue();
  }
}
