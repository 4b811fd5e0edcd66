package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.entry.Entry;
import id.saksi.core.export.LineReader;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportVerifier#verifyLedger}: a whole ledger streamed from outside a bundle (as verify-db
 * reads it from the service's database) gets the checks of a whole-ledger export.
 */
class VerifyLedgerTest {
  private static final SignedLedgerBuilder LEDGER = SignedLedgerBuilder.wholeCase();

  private static VerificationReport verify(List<Entry> entries, int threads) throws Exception {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (Entry e : entries) {
      lines.write(e.leafBytes());
      lines.write('\n');
    }
    return ExportVerifier.verifyLedger(
        LEDGER.checkpoint(),
        LineReader.ofEntries("ledger_entry", new ByteArrayInputStream(lines.toByteArray())),
        VerifyOptions.of(LEDGER.logKey()).withThreads(threads).withMaxFailures(10),
        EntryObserver.NONE);
  }

  @Test
  void verifyLedger_honestEntries_isValidAndCountsEveryCheck() throws Exception {
    VerificationReport r = verify(LEDGER.entries(), 2);

    assertThat(r.failures()).isEmpty();
    assertThat(r.counts().entries()).isEqualTo(45);
    assertThat(r.counts().signatures()).isEqualTo(45);
    assertThat(r.counts().records()).isEqualTo(45);
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void verifyLedger_anEntryLeftOut_isMissingAtItsIndex() throws Exception {
    List<Entry> entries = new java.util.ArrayList<>(LEDGER.entries());
    entries.remove(35);

    VerificationReport r = verify(entries, 1);

    assertThat(r.firstFailure().orElseThrow().toString())
        .isEqualTo("entry 35: order: is missing: found entry 36 in its place");
  }

  @Test
  void verifyLedger_aCheckpointOfAnotherKey_stopsAtTheCheckpoint() throws Exception {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    VerificationReport r =
        ExportVerifier.verifyLedger(
            LEDGER.checkpoint(),
            LineReader.ofEntries("ledger_entry", new ByteArrayInputStream(lines.toByteArray())),
            VerifyOptions.of(SignedLedgerBuilder.logSigner("another").verifierKey()),
            EntryObserver.NONE);

    assertThat(r.checkpoint()).isEmpty();
    assertThat(r.firstFailure().orElseThrow().check()).isEqualTo(Check.CHECKPOINT);
  }
}
