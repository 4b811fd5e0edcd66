package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.export.ExportScope;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.nio.file.Path;
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
    assertThat(r.notes()).anyMatch(n -> n.contains("not judged"));
  }
}
