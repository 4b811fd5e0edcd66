package id.saksi.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.TestInstances;
import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.TestHomes;
import id.saksi.core.VerificationException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.verify.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The log's key rotated end to end with the documented command: the transition checkpoint opens
 * with the old key and with the new; the service restarts with the new key, signs checkpoints and
 * receipts with it alone, and the whole ledger verifies with it; receipts signed before still open
 * with the old key.
 */
class LogKeyRotationTest {

  @Test
  void rotateLogKey_transitionSignedByBoth_thenTheNewKeyAlone() throws Exception {
    Path home = TestHomes.fresh("log-rotation-");
    NoteVerifierKey oldKey;
    String origin;
    LedgerClient.Response before;
    long sizeBefore;
    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "saksi.checkpoint.delay=50ms")) {
      ServiceKeys keys = service.getBean(ServiceKeys.class);
      oldKey = keys.logVerifierKey();
      origin = keys.origin();
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      StandardAgencies.register(client);
      before = client.post(Bodies.newCircular());
      assertThat(before.status()).isEqualTo(201);
      sizeBefore = before.index() + 1;
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LogKeyRotationCommand.run(
            new String[] {"rotate-log-key", "--saksi.home=" + home},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Rotated the log key of " + origin + " at tree size " + sizeBefore)
        .doesNotContain("PRIVATE KEY");
    NoteVerifierKey newKey =
        NoteVerifierKey.parse(
            Files.readString(home.resolve("log.vkey"), StandardCharsets.UTF_8).strip());
    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(newKey.name()).isEqualTo(oldKey.name());
    assertThat(
            Files.readString(home.resolve("log.vkey.before-" + sizeBefore), StandardCharsets.UTF_8))
        .isEqualTo(oldKey.encode() + "\n");
    byte[] transition = Files.readAllBytes(home.resolve("log-transition-" + sizeBefore + ".note"));
    Checkpoint byOld = Checkpoints.open(transition, oldKey, origin);
    Checkpoint byNew = Checkpoints.open(transition, newKey, origin);
    assertThat(byOld).isEqualTo(byNew);
    assertThat(byOld.size()).isEqualTo(sizeBefore);
    Path keyFile = home.resolve("keys").resolve(ServiceKeys.LOG_KEY_FILE);
    assertThat(Files.getPosixFilePermissions(keyFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(home.resolve("keys").resolve(ServiceKeys.LOG_KEY_FILE + ".retired-" + sizeBefore))
        .exists();

    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "saksi.checkpoint.delay=50ms")) {
      ServiceKeys keys = service.getBean(ServiceKeys.class);
      assertThat(keys.logVerifierKey()).isEqualTo(newKey);
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      // Until the next append, the checkpoint served is the transition, which both keys open.
      byte[] served = client.get("/checkpoint").body().getBytes(StandardCharsets.UTF_8);
      assertThat(Checkpoints.open(served, oldKey, origin).size()).isEqualTo(sizeBefore);

      LedgerClient.Response after = client.post(Bodies.newCircular());
      assertThat(after.status()).isEqualTo(201);
      after
          .receipt(newKey, origin)
          .requireMatches(
              new id.saksi.api.ledger.LedgerTables(service.getBean(DataSource.class))
                  .entry(after.index()));
      before.receipt(oldKey, origin);
      assertThatThrownBy(() -> after.receipt(oldKey, origin)).isInstanceOf(AssertionError.class);

      VerificationReport report =
          WholeLedgerCheck.verify(
              service.getBean(DataSource.class),
              service.getBean(CheckpointPublisher.class),
              keys,
              home.resolve("exports"));
      assertThat(report.failures()).isEmpty();
      byte[] latest = service.getBean(CheckpointPublisher.class).latest().orElseThrow();
      assertThat(Checkpoints.open(latest, newKey, origin).size()).isGreaterThan(sizeBefore);
      assertThatThrownBy(() -> Checkpoints.open(latest, oldKey, origin))
          .isInstanceOf(VerificationException.class);
    }
  }
}
