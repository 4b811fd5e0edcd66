package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.testing.LedgerGenerator;
import id.saksi.core.testing.Tampers;
import id.saksi.core.testing.Tampers.Tampered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier's domain replay with room for one state in memory (every other state spilled to the
 * work folder and read back) reaches exactly the verdict of one that keeps them all: the same
 * failures with the same messages, the same counts, the same notes.
 */
class SpilledReplayTest {
  @TempDir Path dir;

  /** Verifies {@code bundle} twice, every state in memory and every state spilled; the latter. */
  private VerificationReport assertSameVerdict(Path bundle, VerifyOptions options)
      throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    VerificationReport all =
        ExportVerifier.verify(bundle, options.withStatesInMemory(Integer.MAX_VALUE));
    VerificationReport spilled =
        ExportVerifier.verify(bundle, options.withStatesInMemory(1).withWorkDir(work));
    assertThat(spilled.failures()).as(bundle.toString()).isEqualTo(all.failures());
    assertThat(spilled.failureCount()).isEqualTo(all.failureCount());
    assertThat(spilled.counts()).isEqualTo(all.counts());
    assertThat(spilled.notes()).isEqualTo(all.notes());
    assertThat(spilled.stoppedEarly()).isEqualTo(all.stoppedEarly());
    assertThat(spilled.consistencyProof()).isEqualTo(all.consistencyProof());
    assertThat(listing(work)).as("the work folder after verifying").isEmpty();
    return spilled;
  }

  @Test
  void everyTamperedBundle_sameFailuresWhenEveryStateIsSpilled() throws Exception {
    VerifyOptions o =
        VerifyOptions.of(Tampers.honest().logKey()).withMaxFailures(VerifyOptions.MAX_FAILURES);
    assertSameVerdict(Files.write(dir.resolve("honest.zip"), Tampers.honest().export()), o);
    for (Tampered t : Tampers.all()) {
      Path p = Files.write(dir.resolve(t.name() + ".zip"), t.bundle());
      assertSameVerdict(p, t.since() == null ? o : o.withSince(t.since()));
    }
  }

  @Test
  void generatedLedger_validWhenEveryStateIsSpilled() throws Exception {
    // Rounds of 40 interleaved cases: each case's state is spilled and read back at every step.
    long size = 20 + 2 * 40 * LedgerGenerator.STEPS + 77;
    LedgerGenerator.Result r = LedgerGenerator.generate(size, dir.resolve("g.zip"), 2, 40);
    VerifyOptions o = VerifyOptions.of(r.logKey()).withSince(r.checkpointAtHalf());
    VerificationReport spilled = assertSameVerdict(dir.resolve("g.zip"), o);
    assertThat(spilled.failures()).isEmpty();
    assertThat(spilled.counts().records()).isEqualTo(size);
  }

  private static List<Path> listing(Path p) throws IOException {
    try (Stream<Path> s = Files.list(p)) {
      return s.toList();
    }
  }
}
