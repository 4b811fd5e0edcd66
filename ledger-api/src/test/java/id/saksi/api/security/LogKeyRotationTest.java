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
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.note.SignedNotes;
import id.saksi.core.verify.VerificationReport;
import id.saksi.verifier.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
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
    byte[] oldCheckpoint;
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
      // A checkpoint an auditor kept from before the rotation, signed by the old key.
      oldCheckpoint = client.get("/checkpoint").body().getBytes(StandardCharsets.UTF_8);
      Checkpoints.open(oldCheckpoint, oldKey, origin);
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

      // check-receipts --url: the receipt from before the rotation is signed by the retired key,
      // trusted through the published rotation files (the data directory holds them).
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (Checkpoints.open(
                  service.getBean(CheckpointPublisher.class).latest().orElseThrow(), newKey, origin)
              .size()
          <= after.index()) {
        assertThat(System.nanoTime()).as("a checkpoint after the append").isLessThan(deadline);
        Thread.sleep(20);
      }
      Path receipts = home.resolve("receipts.txt");
      Files.writeString(
          receipts,
          before.json().get("receipt").asString() + "\n" + after.json().get("receipt").asString(),
          StandardCharsets.UTF_8);
      String url = "http://localhost:" + TestInstances.port(service);
      Run both =
          checkReceipts(
              receipts.toString(),
              "--log-key",
              newKey.encode(),
              "--url",
              url,
              "--transition",
              home.toString());
      assertThat(both.code()).as(both.out()).isZero();
      assertThat(both.out()).contains("VALID: every receipt's entry is in the log");
      Run forward =
          checkReceipts(
              receipts.toString(),
              "--log-key",
              oldKey.encode(),
              "--url",
              url,
              "--transition",
              home.toString());
      assertThat(forward.code()).as(forward.out()).isZero();
      Run currentOnly =
          checkReceipts(receipts.toString(), "--log-key", newKey.encode(), "--url", url);
      assertThat(currentOnly.code()).as(currentOnly.out()).isEqualTo(2);
      assertThat(currentOnly.out()).contains(" is not a receipt signed by the log's key: ");

      // Offline, on the export made after the rotation (signed by the new key alone).
      Path export;
      try (Stream<Path> zips = Files.list(home.resolve("exports"))) {
        export = zips.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
      }
      Path since = Files.write(home.resolve("old.checkpoint"), oldCheckpoint);
      Run sinceAlone =
          cli(
              "verify",
              export.toString(),
              "--log-key",
              newKey.encode(),
              "--since",
              since.toString());
      assertThat(sinceAlone.code()).as(sinceAlone.out()).isEqualTo(2);
      assertThat(sinceAlone.out())
          .contains(
              "the checkpoint given with --since is not a checkpoint of this log: it is signed by"
                  + " another key (")
          .contains("with --transition");
      Run sinceAcross =
          cli(
              "verify",
              export.toString(),
              "--log-key",
              newKey.encode(),
              "--since",
              since.toString(),
              "--transition",
              home.toString());
      assertThat(sinceAcross.code()).as(sinceAcross.out()).isZero();
      assertThat(sinceAcross.out())
          .contains(
              "Since:      checkpoint of tree size "
                  + Checkpoints.open(oldCheckpoint, oldKey, origin).size())
          .contains(
              "the log key was rotated at tree size "
                  + sizeBefore
                  + ": checkpoints up to it are signed by the retired key "
                  + oldKey.keyRef());
      Path note = home.resolve("log-transition-" + sizeBefore + ".note");
      Run sinceForward =
          cli(
              "verify",
              export.toString(),
              "--log-key",
              oldKey.encode(),
              "--since",
              since.toString(),
              "--transition",
              note.toString());
      assertThat(sinceForward.code()).as(sinceForward.out()).isZero();
      assertThat(sinceForward.out()).contains("Log key:    " + newKey.keyRef());
      // A forged transition: the new key and a stranger's, without the retired key's signature.
      NoteSigner stranger = NoteSigner.of(origin, Ed25519PrivateKey.fromSeed(new byte[32]));
      Path forged =
          Files.write(
              home.resolve("forged.note"),
              Checkpoints.sign(Checkpoints.open(transition, newKey, origin), stranger));
      Run forgedRun =
          cli(
              "verify",
              export.toString(),
              "--log-key",
              oldKey.encode(),
              "--since",
              since.toString(),
              "--transition",
              forged.toString());
      assertThat(forgedRun.code()).as(forgedRun.out()).isEqualTo(2);
      assertThat(forgedRun.out())
          .contains(
              "the transition checkpoint of the log key rotation recorded at tree size "
                  + sizeBefore
                  + " is not signed by the retired key "
                  + oldKey.keyRef());
      // check-receipts --export: the receipt from before the rotation through the transition.
      Run offline =
          checkReceipts(
              receipts.toString(),
              "--log-key",
              newKey.encode(),
              "--export",
              export.toString(),
              "--transition",
              home.toString());
      assertThat(offline.code()).as(offline.out()).isZero();
      assertThat(offline.out())
          .contains(
              "VALID: every receipt's entry is in the ledger at its index with its leaf hash.");
    }
  }

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Main.run(args, o, o);
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  private static Run checkReceipts(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("check-receipts"));
    all.addAll(java.util.List.of(args));
    int code = Main.run(all.toArray(new String[0]), o, o);
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String out) {}

  private static Run verifyDb(String url, String... more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("verify-db", "--jdbc-url", url, "--user", "postgres", "--all"));
    args.addAll(java.util.List.of(more));
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Main.run(args.toArray(new String[0]), o, o);
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static byte[] bytes(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getBytes(1);
      }
    }
  }

  /** {@code note} with one more signature line, by {@code signer}, as anyone holding a key adds. */
  private static byte[] cosigned(byte[] note, NoteSigner signer) throws Exception {
    String text = SignedNote.parse(note).text();
    String byX = new String(SignedNotes.sign(text, signer), StandardCharsets.UTF_8);
    String line = byX.substring(byX.lastIndexOf("\u2014 "));
    return (new String(note, StandardCharsets.UTF_8) + line).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void verifyDb_acrossTheRotation_trustsRetiredCheckpointsThroughTheTransitionOnly()
      throws Exception {
    Path home = TestHomes.fresh("log-rotation-db-");
    NoteVerifierKey oldKey;
    String origin;
    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "saksi.checkpoint.delay=50ms")) {
      oldKey = service.getBean(ServiceKeys.class).logVerifierKey();
      origin = service.getBean(ServiceKeys.class).origin();
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      StandardAgencies.register(client);
      assertThat(client.post(Bodies.newCircular()).status()).isEqualTo(201);
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
    assertThat(
            LogKeyRotationCommand.run(
                new String[] {"rotate-log-key", "--saksi.home=" + home}, quiet, quiet))
        .as(sink.toString(StandardCharsets.UTF_8))
        .isZero();
    NoteVerifierKey newKey =
        NoteVerifierKey.parse(
            Files.readString(home.resolve("log.vkey"), StandardCharsets.UTF_8).strip());
    long rotatedAt;
    try (Stream<Path> files = Files.list(home)) {
      Path note =
          files
              .filter(f -> f.getFileName().toString().startsWith("log-transition-"))
              .findFirst()
              .orElseThrow();
      rotatedAt = Checkpoints.open(Files.readAllBytes(note), newKey, origin).size();
    }
    Path transition = home.resolve("log-transition-" + rotatedAt + ".note");

    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "saksi.checkpoint.delay=50ms")) {
      LedgerClient client = new LedgerClient(TestInstances.port(service));
      LedgerClient.Response after = client.post(Bodies.newCircular());
      assertThat(after.status()).isEqualTo(201);
      CheckpointPublisher publisher = service.getBean(CheckpointPublisher.class);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (Checkpoints.open(publisher.latest().orElseThrow(), newKey, origin).size()
          <= after.index()) {
        assertThat(System.nanoTime()).as("a checkpoint after the append").isLessThan(deadline);
        Thread.sleep(20);
      }
      DataSource ds = service.getBean(DataSource.class);
      String url;
      long older;
      try (Connection c = ds.getConnection()) {
        url = c.getMetaData().getURL();
        try (PreparedStatement ps =
            c.prepareStatement("SELECT min(size) FROM checkpoint WHERE size < ?")) {
          ps.setLong(1, rotatedAt);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            older = rs.getLong(1);
            assertThat(rs.wasNull()).as("a checkpoint stored before the rotation").isFalse();
          }
        }
      }

      // The current key: the retired key's checkpoints through the transition, signed by both.
      Run current = verifyDb(url, "--log-key", newKey.encode());
      assertThat(current.code()).as(current.out()).isZero();
      assertThat(current.out())
          .contains("VALID")
          .contains(
              "the log key was rotated at tree size "
                  + rotatedAt
                  + ": checkpoints up to it are signed by the retired key "
                  + oldKey.keyRef()
                  + ", which the transition checkpoint signed by both keys vouches for");

      // The retired key alone trusts nothing after the rotation.
      Run retired = verifyDb(url, "--log-key", oldKey.encode());
      assertThat(retired.code()).as(retired.out()).isEqualTo(1);
      assertThat(retired.out())
          .contains(
              "the latest stored checkpoint (tree size "
                  + (after.index() + 1)
                  + ") is not the log's: no trusted log key signs checkpoints of tree size "
                  + (after.index() + 1)
                  + "; the keys trusted are "
                  + oldKey.keyRef()
                  + " for tree sizes 0 to "
                  + rotatedAt
                  + " (the key given): a checkpoint signed by a key that no transition checkpoint"
                  + " vouches for is not the log's");

      // The retired key with the published transition note: the new key is vouched for.
      Run forward =
          verifyDb(url, "--log-key", oldKey.encode(), "--transition", transition.toString());
      assertThat(forward.code()).as(forward.out()).isZero();
      assertThat(forward.out()).contains("VALID");

      NoteSigner stranger = NoteSigner.of(origin, Ed25519PrivateKey.fromSeed(new byte[32]));
      try (Connection c = ds.getConnection()) {
        exec(c, "SET session_replication_role = replica");
        byte[] original = bytes(c, "SELECT note FROM checkpoint WHERE size = ?", older);
        Checkpoint cp = Checkpoints.open(original, oldKey, origin);
        try {
          // An older checkpoint re-signed by a key no transition vouches for.
          exec(
              c,
              "UPDATE checkpoint SET note = ? WHERE size = ?",
              Checkpoints.sign(cp, stranger),
              older);
          Run forged = verifyDb(url, "--log-key", newKey.encode());
          assertThat(forged.code()).as(forged.out()).isEqualTo(1);
          assertThat(forged.out())
              .contains(
                  "the stored checkpoint of tree size "
                      + older
                      + " is not the log's: it is signed by no log key trusted at tree size "
                      + older
                      + " ("
                      + oldKey.keyRef()
                      + "); the keys trusted are "
                      + oldKey.keyRef()
                      + " for tree sizes 0 to "
                      + rotatedAt);
        } finally {
          exec(c, "UPDATE checkpoint SET note = ? WHERE size = ?", original, older);
        }

        // A forged transition: another key claimed as the retired one, its signature added to
        // the real transition note (anyone holding a key can add one).
        byte[] rotationNote =
            bytes(c, "SELECT note FROM log_key_rotation WHERE size = ?", rotatedAt);
        try {
          exec(
              c,
              "UPDATE log_key_rotation SET old_vkey = ?, note = ? WHERE size = ?",
              stranger.verifierKey().encode(),
              cosigned(rotationNote, stranger),
              rotatedAt);
          Run forged = verifyDb(url, "--log-key", newKey.encode());
          assertThat(forged.code()).as(forged.out()).isEqualTo(1);
          assertThat(forged.out())
              .contains(
                  "the stored checkpoint of tree size "
                      + older
                      + " is not the log's: it is signed by no log key trusted at tree size "
                      + older
                      + " ("
                      + stranger.verifierKey().keyRef()
                      + ")");
        } finally {
          exec(
              c,
              "UPDATE log_key_rotation SET old_vkey = ?, note = ? WHERE size = ?",
              oldKey.encode(),
              rotationNote,
              rotatedAt);
        }

        // A transition note the retired key did not sign: it vouches for nothing.
        try {
          exec(
              c,
              "UPDATE log_key_rotation SET note = ? WHERE size = ?",
              Checkpoints.sign(Checkpoints.open(rotationNote, oldKey, origin), stranger),
              rotatedAt);
          Run forged = verifyDb(url, "--log-key", newKey.encode());
          assertThat(forged.code()).as(forged.out()).isEqualTo(1);
          assertThat(forged.out())
              .contains(
                  "the transition checkpoint of the log key rotation recorded at tree size "
                      + rotatedAt
                      + " is not signed by the retired key "
                      + oldKey.keyRef());
        } finally {
          exec(c, "UPDATE log_key_rotation SET note = ? WHERE size = ?", rotationNote, rotatedAt);
          exec(c, "SET session_replication_role = origin");
        }
      }
      Run again = verifyDb(url, "--log-key", newKey.encode());
      assertThat(again.code()).as(again.out()).isZero();
    }
  }
}
