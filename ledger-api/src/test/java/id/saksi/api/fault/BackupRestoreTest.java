package id.saksi.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.TestInstances;
import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.TestHomes;
import id.saksi.core.entry.Entry;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.merkle.MerkleVerifier;
import id.saksi.core.merkle.RootMismatchException;
import id.saksi.core.merkle.TreeSizeOrderException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backup and restore (docs/operations.md): a restored backup is a valid ledger on its own, but it
 * is older than a checkpoint the log published after the backup, and the core's consistency check
 * against that checkpoint catches it as a rollback; an operator who then appends to the restored
 * ledger past that size has forked the log, and the same check catches that too.
 */
class BackupRestoreTest {

  @Test
  void restoringAnOlderBackup_isValidAloneButARollbackAgainstALaterCheckpoint() throws Exception {
    Path home = TestHomes.fresh("backup-");
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      SqlBackup backup;
      Checkpoint atBackup;
      Checkpoint later;
      byte[] laterNote;
      ServiceKeys keys;
      try (ConfigurableApplicationContext live = start(home, server, "postgres")) {
        LedgerClient client = new LedgerClient(TestInstances.port(live));
        StandardAgencies.register(client);
        append(client, 5);
        atBackup = checkpointNow(live);
        backup = SqlBackup.take(server.getPostgresDatabase());

        append(client, 4);
        later = checkpointNow(live); // published: a court, a witness or an agency holds it
        laterNote = live.getBean(CheckpointPublisher.class).latest().orElseThrow();
        keys = live.getBean(ServiceKeys.class);
      }
      assertThat(later.size()).isEqualTo(atBackup.size() + 4);
      assertThat(backup.tableNames()).contains("ledger_entry", "merkle_node", "checkpoint");

      new JdbcTemplate(server.getPostgresDatabase()).execute("CREATE DATABASE restored");
      DataSource restored = server.getDatabase("postgres", "restored");
      backup.restoreInto(restored);

      // Alone, the restored ledger is valid: dense, linked, one tree, its checkpoints of it.
      LedgerTables tables = new LedgerTables(restored);
      tables.assertConsistent();
      assertThat(tables.size()).isEqualTo(atBackup.size());
      Checkpoint restoredCheckpoint = latestStored(restored, home);
      assertThat(restoredCheckpoint).isEqualTo(atBackup);

      // Against the later checkpoint it is a rollback: that checkpoint's tree is larger than
      // anything the restored ledger can prove consistent with it.
      assertThatThrownBy(
              () ->
                  MerkleVerifier.verifyConsistency(
                      later.size(),
                      restoredCheckpoint.size(),
                      List.of(),
                      later.rootHash(),
                      restoredCheckpoint.rootHash()))
          .isInstanceOf(TreeSizeOrderException.class);

      // The standalone verifier says the same: verify-db finds the restored database valid on
      // its own, and a rollback against the later checkpoint.
      Path laterFile = home.resolve("later.checkpoint");
      java.nio.file.Files.write(laterFile, laterNote);
      VerifierRuns.verifyDbPasses(restored, keys, System.out);
      VerifierRuns.Run rollback =
          VerifierRuns.verifyDb(restored, keys, "--since", laterFile.toString());
      assertThat(rollback.code()).as(rollback.out()).isEqualTo(1);
      assertThat(rollback.out())
          .contains(
              "is older than the one given with --since (tree size "
                  + later.size()
                  + "): the ledger was rolled back");

      // The service runs on the restored database, and new appends take the lost indexes...
      try (ConfigurableApplicationContext again = start(home, server, "restored")) {
        LedgerClient client = new LedgerClient(TestInstances.port(again));
        LedgerClient.Response r = client.post(Bodies.newCircular());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.index()).isEqualTo(atBackup.size());
        append(client, 5);
        Checkpoint forked = checkpointNow(again);
        assertThat(forked.size()).isGreaterThan(later.size());

        // ...so the restored log's own proof that it extends the later checkpoint fails: a fork.
        MerkleTree tree = MerkleTree.create(new InMemoryHashStore());
        for (Entry e : new LedgerTables(restored).entries()) {
          tree.append(e.leafHash());
        }
        tree.consistencyProof(atBackup.size(), forked.size())
            .verify(atBackup.rootHash(), forked.rootHash());
        assertThatThrownBy(
                () ->
                    tree.consistencyProof(later.size(), forked.size())
                        .verify(later.rootHash(), forked.rootHash()))
            .isInstanceOf(RootMismatchException.class);
        new LedgerTables(restored).assertConsistent();
        VerifierRuns.Run fork =
            VerifierRuns.verifyDb(restored, keys, "--since", laterFile.toString());
        assertThat(fork.code()).as(fork.out()).isEqualTo(1);
        assertThat(fork.out())
            .contains(
                "consistency: the tree of the first "
                    + later.size()
                    + " entries is not the one the checkpoint given with --since signs: the"
                    + " history before it was rewritten");
      }
    }
  }

  private static ConfigurableApplicationContext start(
      Path home, EmbeddedPostgres server, String database) {
    return TestInstances.start(
        "saksi.home=" + home,
        "spring.datasource.url=" + server.getJdbcUrl("postgres", database),
        "spring.datasource.username=postgres",
        "logging.level.root=WARN");
  }

  private static void append(LedgerClient client, int n) {
    for (int i = 0; i < n; i++) {
      LedgerClient.Response r = client.post(Bodies.newCircular());
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
  }

  /** Signs a checkpoint of the whole ledger now (or finds the one the service just signed). */
  private static Checkpoint checkpointNow(ConfigurableApplicationContext service) throws Exception {
    CheckpointPublisher publisher = service.getBean(CheckpointPublisher.class);
    long size = new LedgerTables(service.getBean(DataSource.class)).size();
    ServiceKeys keys = service.getBean(ServiceKeys.class);
    for (int attempt = 0; attempt < 100; attempt++) {
      publisher.signIfGrown();
      byte[] note = publisher.latest().orElseThrow();
      Checkpoint c = Checkpoints.open(note, keys.logVerifierKey(), keys.origin());
      if (c.size() == size) {
        return c;
      }
      Thread.sleep(50); // the scheduled signer held the signing lock
    }
    throw new AssertionError("no checkpoint of size " + size + " was signed");
  }

  private static Checkpoint latestStored(DataSource db, Path home) throws Exception {
    byte[] note =
        new JdbcTemplate(db)
            .queryForObject("SELECT note FROM checkpoint ORDER BY size DESC LIMIT 1", byte[].class);
    String vkey =
        java.nio.file.Files.readString(
                home.resolve(ServiceKeys.VERIFIER_KEY_FILE),
                java.nio.charset.StandardCharsets.UTF_8)
            .trim();
    id.saksi.core.note.NoteVerifierKey key = id.saksi.core.note.NoteVerifierKey.parse(vkey);
    return Checkpoints.open(note, key, key.name());
  }
}
