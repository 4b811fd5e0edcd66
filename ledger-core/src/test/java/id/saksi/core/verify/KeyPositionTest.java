package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.export.ExportReader;
import id.saksi.core.testing.Tampers;
import id.saksi.core.testing.Tampers.Tampered;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures are verified on several threads, in batches, ahead of the sequential replay; a key's
 * validity must still be judged at each entry's own position. The threads learn public keys from
 * the {@code key.added} records they parse, in whatever order the batches run, so a thread may well
 * know a key registered after the entry it is checking: knowing the key must never make it valid
 * there.
 */
class KeyPositionTest {
  @TempDir Path dir;

  private VerificationReport verify(Tampered t, int threads, KeyDirectory keys) throws Exception {
    Path p = Files.write(dir.resolve(t.name() + ".zip"), t.bundle());
    try (ExportReader reader = ExportReader.open(p)) {
      return ExportVerifier.verify(
          reader,
          VerifyOptions.of(Tampers.honest().logKey()).withThreads(threads),
          EntryObserver.NONE,
          keys);
    }
  }

  @Test
  void keyRegisteredAfterItsUse_refusedOnOneThread() throws Exception {
    Failure f = verify(Tampers.keyRegisteredAfterItsUse(), 1, new KeyDirectory()).failures().get(0);

    assertThat(f.toString())
        .isEqualTo(
            "entry 45: key: key "
                + id.saksi.core.crypto.KeyId.of(TestLedger.key("BAWASLU-LAMPUNG#2"))
                + " cannot sign for BAWASLU-LAMPUNG: no such key is registered");
  }

  @Test
  void keyRegisteredAfterItsUse_refusedOnManyThreads() throws Exception {
    Failure f = verify(Tampers.keyRegisteredAfterItsUse(), 4, new KeyDirectory()).failures().get(0);

    assertThat(f.check()).isEqualTo(Check.KEY);
    assertThat(f.index()).hasValue(45);
  }

  @Test
  void keyRegisteredAfterItsUse_refusedEvenWhenTheThreadsAlreadyKnowTheKey() throws Exception {
    // As if a later batch, holding the key.added of entry 46, had been parsed first: the
    // signature of entry 45 then verifies on its thread, and only the position check refuses it.
    KeyDirectory early = new KeyDirectory();
    early.add(TestLedger.key("BAWASLU-LAMPUNG#2"));

    VerificationReport r = verify(Tampers.keyRegisteredAfterItsUse(), 2, early);

    assertThat(r.failures().get(0).check()).isEqualTo(Check.KEY);
    assertThat(r.failures().get(0).index()).hasValue(45);
    assertThat(r.failures().get(0).message()).endsWith("no such key is registered");
  }

  @Test
  void keyRevokedBeforeItsUse_refusedOnManyThreads() throws Exception {
    VerificationReport r = verify(Tampers.signedWithKeyAfterRevocation(), 4, new KeyDirectory());

    assertThat(r.failures().get(0).check()).isEqualTo(Check.KEY);
    assertThat(r.failures().get(0).index()).hasValue(47);
    // Entry 47's signature is sound mathematics: it is the key's validity that fails.
    assertThat(r.counts().signatures()).isEqualTo(48);
  }
}
