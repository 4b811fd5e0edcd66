package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.entry.Entry;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.ExportWriter;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.testing.SignedLedgerBuilder;
import id.saksi.core.testing.Tampers;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline paths across a rotation of the log's key: the example ledger's first 30 entries were
 * signed by the old test log key, which handed over to a new one at tree size 30 with a transition
 * checkpoint signed by both; the export of all 45 entries is signed by the new key.
 */
class OfflineRotationTest {
  private static final long ROTATED_AT = 30;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final SignedLedgerBuilder ledger = Tampers.honest();
  private final NoteSigner oldKey = ledger.logSigner();
  private final NoteSigner newKey = SignedLedgerBuilder.logSigner("NEW");
  private final NoteSigner stranger = SignedLedgerBuilder.logSigner("STRANGER");

  @TempDir Path dir;
  private Path export;
  private Path published;
  private Path note;

  @BeforeEach
  void rotate() throws Exception {
    export = dir.resolve("after.zip");
    try (OutputStream o = Files.newOutputStream(export);
        ExportWriter w =
            new ExportWriter(
                o,
                ExportScope.ledger(),
                signed(45, newKey),
                newKey.verifierKey(),
                SignedLedgerBuilder.CREATED)) {
      for (Entry e : ledger.entries()) {
        w.entry(e);
      }
    }
    published = Files.createDirectory(dir.resolve("published"));
    note = published.resolve("log-transition-" + ROTATED_AT + ".note");
    Files.write(note, signed(ROTATED_AT, oldKey, newKey));
    Files.writeString(
        published.resolve("log.vkey.before-" + ROTATED_AT), oldKey.verifierKey().encode() + "\n");
    Files.writeString(published.resolve("log.vkey"), newKey.verifierKey().encode() + "\n");
  }

  private byte[] signed(long size, NoteSigner key, NoteSigner... others) throws Exception {
    Checkpoint c = Checkpoints.open(ledger.checkpoint(size), oldKey.verifierKey(), ORIGIN);
    return Checkpoints.sign(c, key, others);
  }

  private static final String ORIGIN = SignedLedgerBuilder.ORIGIN;

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  private Path file(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void verify_sinceSignedByTheRetiredKeyWithoutTransition_saysToGiveTheNoteAndExitsTwo()
      throws Exception {
    Path since = file("cp20", ledger.checkpoint(20));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--since",
            since.toString());

    assertThat(code).as(err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .isEqualTo(
            "verifier: the checkpoint given with --since is not a checkpoint of this log: it is"
                + " signed by another key ("
                + oldKey.verifierKey().keyRef()
                + ") than the log key "
                + newKey.verifierKey().keyRef()
                + ": if the log's key was rotated in between, give the transition note the"
                + " operator published, signed by both keys, with --transition\n");
  }

  @Test
  void verify_sinceSignedByTheRetiredKeyWithTheTransition_provesConsistency() throws Exception {
    Path since = file("cp20", ledger.checkpoint(20));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--since",
            since.toString(),
            "--transition",
            published.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Log key:    " + newKey.verifierKey().keyRef())
        .contains("Since:      checkpoint of tree size 20, root ")
        .contains(": extended by this one (consistency proof of ")
        .contains(
            "the log key was rotated at tree size 30: checkpoints up to it are signed by the"
                + " retired key "
                + oldKey.verifierKey().keyRef());
  }

  @Test
  void verify_sinceOfTheRetiredKeyBeyondItsRotation_isNotTrustedAndExitsTwo() throws Exception {
    Path since = file("cp40", ledger.checkpoint(40));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--since",
            since.toString(),
            "--transition",
            published.toString());

    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .startsWith(
            "verifier: the checkpoint given with --since is not the log's: it is signed by no log"
                + " key trusted at tree size 40 ("
                + newKey.verifierKey().keyRef()
                + ")");
  }

  @Test
  void verify_theTransitionNoteAloneWithTheNewKey_namesNoRetiredKeyAndExitsTwo() throws Exception {
    Path since = file("cp20", ledger.checkpoint(20));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--since",
            since.toString(),
            "--transition",
            note.toString());

    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .contains("is not the log's: it is signed by no log key trusted at tree size 20")
        .endsWith(
            "; a transition note alone names no retired key: give the folder the operator"
                + " published (log-transition-N.note and log.vkey.before-N)\n");
  }

  @Test
  void verify_exportOfTheNewKeyWithTheRetiredKeyAndTheNote_isTrustedForwards() throws Exception {
    Path since = file("cp20", ledger.checkpoint(20));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            oldKey.verifierKey().encode(),
            "--since",
            since.toString(),
            "--transition",
            note.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Log key:    " + newKey.verifierKey().keyRef())
        .contains("Since:      checkpoint of tree size 20, root ")
        .contains(
            "the log key was rotated at tree size 30: checkpoints from it on are signed by the"
                + " new key "
                + newKey.verifierKey().keyRef()
                + ", which the transition note given, signed by both keys, vouches for");
  }

  @Test
  void verify_retiredKeyAndTheNoteWithoutSince_provesTheExportExtendsTheTransition()
      throws Exception {
    Checkpoint transition =
        Checkpoints.open(ledger.checkpoint(ROTATED_AT), oldKey.verifierKey(), ORIGIN);

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            oldKey.verifierKey().encode(),
            "--transition",
            note.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Log key:    " + newKey.verifierKey().keyRef())
        .contains(
            "Since:      checkpoint of tree size 30, root "
                + transition.rootHash().base64()
                + ": extended by this one (consistency proof of ")
        .contains(
            "Note:       the export's tree extends the transition checkpoint of tree size 30,"
                + " signed by both keys (no --since was given; the Since line is the transition"
                + " checkpoint)")
        .doesNotContain("given with --since");
  }

  @Test
  void verify_transitionNoteOfAnotherTreeWithoutSince_failsConsistencyAndExitsOne()
      throws Exception {
    // Whoever holds both keys signs a transition of a tree the export's history does not extend:
    // the new key's history forks from what the retired key signed at size 30.
    Checkpoint other = Checkpoints.open(ledger.checkpoint(20), oldKey.verifierKey(), ORIGIN);
    Files.write(
        note,
        Checkpoints.sign(new Checkpoint(ORIGIN, ROTATED_AT, other.rootHash()), oldKey, newKey));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            oldKey.verifierKey().encode(),
            "--transition",
            note.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_INVALID);
    assertThat(out())
        .contains(
            "  consistency: the tree of the first 30 entries is not the one the transition"
                + " checkpoint signs: the history before it was rewritten")
        .contains(": NOT extended by this one")
        .contains(
            "Note:       the export's tree does NOT extend the transition checkpoint of tree size"
                + " 30, signed by both keys (no --since was given; the Since line is the transition"
                + " checkpoint): the new key's history is not the one the retired key signed")
        .doesNotContain("given with --since");
  }

  @Test
  void verify_oneCaseExportWithTheRetiredKeyAndTheTransition_isValidWithANote() throws Exception {
    Path oneCase = dir.resolve("case.zip");
    try (OutputStream o = Files.newOutputStream(oneCase)) {
      ledger.write(o, ExportScope.subject("case/LPG-2024-0001"), false, signed(45, newKey));
    }

    int code =
        run(
            "verify",
            oneCase.toString(),
            "--log-key",
            oldKey.verifierKey().encode(),
            "--transition",
            published.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Log key:    " + newKey.verifierKey().keyRef())
        .doesNotContain("Since:")
        .contains(
            "Note:       that the export's tree extends the transition checkpoint of tree size 30"
                + " was not checked: an export of ")
        .contains(
            " does not hold the entries to rebuild that tree; a whole-ledger export checks it");
  }

  @Test
  void verify_exportOfTheNewKeyWithTheRetiredKeyAlone_isNotTheLogsAndExitsOne() throws Exception {
    int code = run("verify", export.toString(), "--log-key", oldKey.verifierKey().encode());

    assertThat(code).isEqualTo(Main.EXIT_INVALID);
    assertThat(out()).contains("checkpoint: the bundle's checkpoint is not the log's: ");
  }

  @Test
  void verify_noteNotSignedByTheRetiredKey_isRefusedAndExitsTwo() throws Exception {
    // Whoever holds the new key alone cannot hand the log over to it.
    Path forged = file("forged.note", signed(ROTATED_AT, newKey, stranger));

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            oldKey.verifierKey().encode(),
            "--transition",
            forged.toString());

    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .startsWith(
            "verifier: the log key rotations in "
                + forged
                + ": the transition checkpoint of the log key rotation recorded at tree size 30"
                + " is not signed by the retired key "
                + oldKey.verifierKey().keyRef());
  }

  @Test
  void verify_forgedRetiredKeyAndAForkedCheckpoint_failsConsistencyAndExitsOne() throws Exception {
    // A stranger claims to be the retired key and adds its signature to the real transition; the
    // checkpoint it signs is of another tree, which the export's tree refutes.
    Files.write(note, signed(ROTATED_AT, oldKey, newKey, stranger));
    Files.writeString(
        published.resolve("log.vkey.before-" + ROTATED_AT), stranger.verifierKey().encode() + "\n");
    Checkpoint real = Checkpoints.open(ledger.checkpoint(20), oldKey.verifierKey(), ORIGIN);
    Path fork =
        file(
            "fork20",
            Checkpoints.sign(
                new Checkpoint(ORIGIN, 20, ledger.checkpointText().rootHash()), stranger));
    assertThat(real.rootHash()).isNotEqualTo(ledger.checkpointText().rootHash());

    int code =
        run(
            "verify",
            export.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--since",
            fork.toString(),
            "--transition",
            published.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_INVALID);
    assertThat(out()).contains("  consistency: ");
  }

  @Test
  void checkReceipts_retiredKeysReceiptsBeforeTheRotation_areTheLogs() throws Exception {
    Path receipts = dir.resolve("receipts.txt");
    Files.write(receipts, ledger.receipt(12));
    Files.write(
        receipts,
        Receipts.sign(Receipt.forEntry(ORIGIN, ledger.entries().get(40)), newKey),
        StandardOpenOption.APPEND);

    int code =
        run(
            "check-receipts",
            receipts.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--export",
            export.toString(),
            "--transition",
            published.toString());

    assertThat(code).as(out() + err()).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Receipts:   2 checked, 2 as promised")
        .endsWith(
            "VALID: every receipt's entry is in the ledger at its index with its leaf hash.\n");
  }

  @Test
  void checkReceipts_retiredKeysReceiptWithoutTransition_isNotTheLogsAndExitsTwo()
      throws Exception {
    Path receipts = file("receipts.txt", ledger.receipt(12));

    int code =
        run(
            "check-receipts",
            receipts.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--export",
            export.toString());

    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .startsWith("verifier: receipt receipts.txt is not a receipt signed by the log's key: ")
        .endsWith(
            " (a receipt signed by a log key since retired is the log's only through the"
                + " transition notes the operator published: --transition)\n");
  }

  @Test
  void checkReceipts_retiredKeysReceiptAfterTheRotation_isNotTheLogsAndExitsTwo() throws Exception {
    Path receipts = file("receipts.txt", ledger.receipt(40));

    int code =
        run(
            "check-receipts",
            receipts.toString(),
            "--log-key",
            newKey.verifierKey().encode(),
            "--export",
            export.toString(),
            "--transition",
            published.toString());

    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .contains(
            " for entry 40 is signed by the log key "
                + oldKey.verifierKey().keyRef()
                + ", which signs only at tree sizes 0 to 30: it is not the log's");
  }

  private String out() {
    return out.toString(UTF_8);
  }

  private String err() {
    return err.toString(UTF_8);
  }
}
