package id.saksi.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator of benchmark ledgers makes legal, signed ledgers, cut at any size. */
class LedgerGeneratorTest {
  @TempDir Path dir;

  @Test
  void generate_aRoundAndABit_verifies() throws Exception {
    // Rounds of 40 cases: two whole rounds (every step of a case) and part of a third.
    long size = 20 + 2 * 40 * LedgerGenerator.STEPS + 77;
    LedgerGenerator.Result r = LedgerGenerator.generate(size, dir.resolve("g.zip"), 2, 40);

    VerificationReport report =
        ExportVerifier.verify(
            dir.resolve("g.zip"),
            VerifyOptions.of(r.logKey()).withSince(r.checkpointAtHalf()).withMaxFailures(10));

    assertThat(report.failures()).isEmpty();
    assertThat(report.counts().entries()).isEqualTo(size);
    assertThat(report.counts().records()).isEqualTo(size);
    assertThat(report.counts().signatures()).isEqualTo(size);
  }
}
