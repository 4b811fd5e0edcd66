package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.testing.SignedLedgerBuilder;
import id.saksi.core.testing.Tampers;
import id.saksi.core.testing.Tampers.Tampered;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper suite: each mutation of {@link Tampers} is caught, first, by the check and at the
 * entry it names, with its message; and, except where the log itself signed the bad data, the
 * honest bundle it came from verifies.
 */
class TamperTest {
  @TempDir Path dir;

  private Failure firstFailure(Tampered t) throws Exception {
    Path p = Files.write(dir.resolve(t.name() + ".zip"), t.bundle());
    VerifyOptions o = VerifyOptions.of(Tampers.honest().logKey());
    if (t.since() != null) {
      o = o.withSince(t.since());
    }
    VerificationReport r = ExportVerifier.verify(p, o);
    assertThat(r.failures()).as(t.name()).hasSize(1);
    return r.failures().get(0);
  }

  private void assertCaught(Tampered t) throws Exception {
    Failure f = firstFailure(t);
    assertThat(f.check()).as(t.name() + ": " + f).isEqualTo(t.check());
    assertThat(f.index()).as(t.name() + ": " + f).isEqualTo(t.index());
    assertThat(f.message()).as(t.name()).contains(t.message());
  }

  @Test
  void honestBundle_verifies() throws Exception {
    Path p = Files.write(dir.resolve("honest.zip"), Tampers.honest().export());
    assertThat(ExportVerifier.verify(p, VerifyOptions.of(Tampers.honest().logKey())).failures())
        .isEmpty();
  }

  @Test
  void editedFieldRecanonicalized() throws Exception {
    assertCaught(Tampers.editedFieldRecanonicalized());
  }

  @Test
  void editedRecordedAt() throws Exception {
    assertCaught(Tampers.editedRecordedAt());
  }

  @Test
  void deletedEntry() throws Exception {
    assertCaught(Tampers.deletedEntry());
  }

  @Test
  void duplicatedEntry() throws Exception {
    assertCaught(Tampers.duplicatedEntry());
  }

  @Test
  void swappedEntries() throws Exception {
    assertCaught(Tampers.swappedEntries());
  }

  @Test
  void truncatedTail() throws Exception {
    assertCaught(Tampers.truncatedTail());
  }

  @Test
  void appendedUnsignedEntry() throws Exception {
    assertCaught(Tampers.appendedUnsignedEntry());
  }

  @Test
  void resignedWithAnotherAgencysKey() throws Exception {
    assertCaught(Tampers.resignedWithAnotherAgencysKey());
  }

  @Test
  void signedWithKeyAfterRevocation() throws Exception {
    assertCaught(Tampers.signedWithKeyAfterRevocation());
  }

  @Test
  void keyRegisteredAfterItsUse() throws Exception {
    assertCaught(Tampers.keyRegisteredAfterItsUse());
  }

  @Test
  void domainRuleBrokenButSigned() throws Exception {
    assertCaught(Tampers.domainRuleBrokenButSigned());
  }

  @Test
  void checkpointSizeTooSmall() throws Exception {
    assertCaught(Tampers.checkpointSizeTooSmall());
  }

  @Test
  void checkpointSizeTooLarge() throws Exception {
    assertCaught(Tampers.checkpointSizeTooLarge());
  }

  @Test
  void checkpointWrongRoot() throws Exception {
    assertCaught(Tampers.checkpointWrongRoot());
  }

  @Test
  void checkpointSignedByWrongKey() throws Exception {
    assertCaught(Tampers.checkpointSignedByWrongKey());
  }

  @Test
  void fork() throws Exception {
    Tampered t = Tampers.fork();
    // Each side of the fork verifies on its own: only the older checkpoint reveals it.
    Path p = Files.write(dir.resolve("fork.zip"), t.bundle());
    assertThat(ExportVerifier.verify(p, VerifyOptions.of(Tampers.honest().logKey())).failures())
        .isEmpty();
    assertCaught(t);
  }

  @Test
  void rolledBack() throws Exception {
    assertCaught(Tampers.rolledBack());
  }

  @Test
  void rewrittenHistory() throws Exception {
    Tampered t = Tampers.rewrittenHistory();
    Path p = Files.write(dir.resolve("rewritten.zip"), t.bundle());
    assertThat(ExportVerifier.verify(p, VerifyOptions.of(Tampers.honest().logKey())).failures())
        .isEmpty();
    assertCaught(t);
  }

  @Test
  void since_olderCheckpointOfTheSameLedger_isConsistentWithAProof() throws Exception {
    SignedLedgerBuilder b = Tampers.honest();
    Path p = Files.write(dir.resolve("honest.zip"), b.export());
    VerificationReport r =
        ExportVerifier.verify(p, VerifyOptions.of(b.logKey()).withSince(b.checkpoint(30)));

    assertThat(r.failures()).isEmpty();
    assertThat(r.since().orElseThrow().size()).isEqualTo(30);
    assertThat(r.consistencyProof()).isNotEmpty();
    id.saksi.core.merkle.MerkleVerifier.verifyConsistency(
        30,
        45,
        r.consistencyProof(),
        r.since().orElseThrow().rootHash(),
        r.checkpoint().orElseThrow().rootHash());
  }
}
