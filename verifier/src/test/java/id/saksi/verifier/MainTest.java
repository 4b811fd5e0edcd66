package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.export.ExportScope;
import id.saksi.core.testing.SignedLedgerBuilder;
import id.saksi.core.testing.Tampers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  private String out() {
    return out.toString(UTF_8);
  }

  private String err() {
    return err.toString(UTF_8);
  }

  private static SignedLedgerBuilder ledger() {
    return Tampers.honest();
  }

  private String key() {
    return ledger().logKey().encode();
  }

  private Path export() throws Exception {
    return Files.write(dir.resolve("export.zip"), ledger().export());
  }

  @Test
  void run_noArguments_printsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).startsWith("usage: java -jar verifier.jar");
  }

  @Test
  void run_unknownCommand_namesItAndExitsTwo() {
    assertThat(run("frobnicate")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).startsWith("verifier: unknown command 'frobnicate'");
  }

  @Test
  void run_help_printsUsageToStdoutAndExitsZero() {
    assertThat(run("--help")).isEqualTo(Main.EXIT_VALID);
    assertThat(out()).contains("Exit codes: 0 valid, 1 integrity failure, 2");
    assertThat(out()).contains("verify EXPORT.zip --log-key VKEY", "check-receipts RECEIPTS");
  }

  @Test
  void verify_honestExport_saysWhatWasCheckedAndExitsZero() throws Exception {
    assertThat(run("verify", export().toString(), "--log-key", key())).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Log key:    " + ledger().logKey().keyRef())
        .contains("Checkpoint: saksi.example/log, tree size 45, root ")
        .contains("(signature verified)")
        .contains("Scope:      the whole ledger")
        .contains("Checked:    45 entries")
        .contains("45 agency signatures")
        .contains("45 records replayed through the domain's rules")
        .endsWith(
            "VALID: every entry is in the ledger the log signed, unaltered and in order, signed by"
                + " a key valid at its position, and a legal step of its case.\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void verify_logKeyFromAFile_isAccepted() throws Exception {
    Path vkey = Files.writeString(dir.resolve("log.vkey"), key() + "\n");
    assertThat(run("verify", export().toString(), "--log-key", vkey.toString()))
        .isEqualTo(Main.EXIT_VALID);
  }

  @Test
  void verify_tamperedExport_namesTheEntryTheCheckAndTheValuesAndExitsOne() throws Exception {
    Path p = Files.write(dir.resolve("x.zip"), Tampers.editedRecordedAt().bundle());

    assertThat(run("verify", p.toString(), "--log-key", key())).isEqualTo(Main.EXIT_INVALID);
    assertThat(out())
        .contains(
            "INVALID: 1 failure (checking stopped at the first; --all lists every failure)\n"
                + "  entry 36: chain: prev is not the leaf hash of entry 35: an entry before it"
                + " was altered, removed or replaced\n"
                + "    expected: ")
        .contains("    actual:   ");
  }

  @Test
  void verify_all_listsEveryFailure() throws Exception {
    Path p = Files.write(dir.resolve("x.zip"), Tampers.editedRecordedAt().bundle());

    assertThat(run("verify", p.toString(), "--log-key", key(), "--all"))
        .isEqualTo(Main.EXIT_INVALID);
    assertThat(out())
        .contains("INVALID: 2 failures\n")
        .contains("  entry 36: chain: ")
        .contains("  tree: the Merkle root of the entries is not the root the checkpoint signs");
  }

  @Test
  void verify_json_isOneLineOfTheDocumentedSchema() throws Exception {
    Path p = Files.write(dir.resolve("x.zip"), Tampers.deletedEntry().bundle());

    assertThat(run("verify", p.toString(), "--log-key", key(), "--json"))
        .isEqualTo(Main.EXIT_INVALID);
    assertThat(out()).endsWith("}\n").hasLineCount(1);
    JsonNode n = JsonMapper.builder().build().readTree(out());
    assertThat(n.get("command").stringValue()).isEqualTo("verify");
    assertThat(n.get("verdict").stringValue()).isEqualTo("invalid");
    assertThat(n.get("logKey").stringValue()).isEqualTo(ledger().logKey().keyRef());
    assertThat(n.get("checkpoint").get("size").longValue()).isEqualTo(45);
    assertThat(n.get("scope").get("kind").stringValue()).isEqualTo("ledger");
    assertThat(n.get("counts").get("entries").longValue()).isEqualTo(36);
    JsonNode f = n.get("failures").get(0);
    assertThat(f.get("index").longValue()).isEqualTo(35);
    assertThat(f.get("check").stringValue()).isEqualTo("order");
    assertThat(f.get("expected").stringValue()).isEqualTo("35");
    assertThat(f.get("actual").stringValue()).isEqualTo("36");
    assertThat(n.get("failureCount").longValue()).isEqualTo(1);
    assertThat(n.get("stoppedEarly").booleanValue()).isTrue();
  }

  @Test
  void verify_since_reportsTheConsistencyProof() throws Exception {
    Path old = Files.write(dir.resolve("old.checkpoint"), ledger().checkpoint(30));

    assertThat(run("verify", export().toString(), "--log-key", key(), "--since", old.toString()))
        .isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Since:      checkpoint of tree size 30, root ")
        .contains(": extended by this one (consistency proof of ");
  }

  @Test
  void verify_sinceWhenCheckingStopsEarly_doesNotClaimTheExtension() throws Exception {
    Path old = Files.write(dir.resolve("old.checkpoint"), ledger().checkpoint(30));
    Path p = Files.write(dir.resolve("x.zip"), Tampers.deletedEntry().bundle());

    assertThat(run("verify", p.toString(), "--log-key", key(), "--since", old.toString()))
        .isEqualTo(Main.EXIT_INVALID);
    assertThat(out())
        .contains(": not compared (checking stopped at the failure below)")
        .doesNotContain("extended by this one");
  }

  @Test
  void verify_rolledBackUnderSince_exitsOne() throws Exception {
    Path old = Files.write(dir.resolve("old.checkpoint"), ledger().checkpoint());
    Path p = Files.write(dir.resolve("x.zip"), SignedLedgerBuilder.wholeCase(40).export());

    assertThat(run("verify", p.toString(), "--log-key", key(), "--since", old.toString()))
        .isEqualTo(Main.EXIT_INVALID);
    assertThat(out()).contains("  consistency: the export's checkpoint (tree size 40) is older");
  }

  @Test
  void verify_caseExport_isValid() throws Exception {
    Path p =
        ledger()
            .writeExport(dir.resolve("case.zip"), ExportScope.subject("case/LPG-2024-0001"), false);

    assertThat(run("verify", p.toString(), "--log-key", key())).isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Scope:      every entry of case/LPG-2024-0001")
        .contains("44 inclusion proofs placing each entry in the checkpoint's tree");
  }

  @Test
  void verify_missingFile_exitsTwo() {
    assertThat(run("verify", dir.resolve("absent.zip").toString(), "--log-key", key()))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("verifier: no such file: " + dir.resolve("absent.zip") + "\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void verify_notAZip_exitsTwo() throws Exception {
    Path p = Files.writeString(dir.resolve("x.zip"), "not a zip\n");

    assertThat(run("verify", p.toString(), "--log-key", key())).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).startsWith("verifier: " + p + " is not a ZIP file (");
  }

  @Test
  void verify_badKeyText_exitsTwo() throws Exception {
    assertThat(run("verify", export().toString(), "--log-key", "saksi.example/log+1234+AAAA"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .startsWith(
            "verifier: --log-key is not the log's verifier key (name+id+key, as the operator"
                + " publishes it): ");
  }

  @Test
  void verify_unusableInputWithJson_saysSoInJson() throws Exception {
    Path p = Files.writeString(dir.resolve("x.zip"), "not a zip\n");

    assertThat(run("verify", p.toString(), "--log-key", key(), "--json"))
        .isEqualTo(Main.EXIT_USAGE);
    JsonNode n = JsonMapper.builder().build().readTree(out());
    assertThat(n.get("verdict").stringValue()).isEqualTo("unusable");
    assertThat(n.get("error").stringValue()).contains("is not a ZIP file");
  }

  @Test
  void verify_workDir_verifiesAndLeavesTheFolderEmpty() throws Exception {
    Path work = Files.createDirectory(dir.resolve("work"));
    assertThat(
            run("verify", export().toString(), "--log-key", key(), "--work-dir", work.toString()))
        .isEqualTo(Main.EXIT_VALID);
    try (java.util.stream.Stream<Path> files = Files.list(work)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void verify_workDirMissing_exitsTwo() throws Exception {
    Path missing = dir.resolve("missing");
    assertThat(
            run(
                "verify",
                export().toString(),
                "--log-key",
                key(),
                "--work-dir",
                missing.toString()))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .isEqualTo(
            "verifier: --work-dir "
                + missing
                + " is not a writable folder (java -jar verifier.jar --help)\n");
  }

  @Test
  void verify_missingLogKey_exitsTwo() throws Exception {
    assertThat(run("verify", export().toString())).isEqualTo(Main.EXIT_USAGE);
    assertThat(err())
        .isEqualTo("verifier: --log-key is required (java -jar verifier.jar --help)\n");
  }

  @Test
  void checkReceipts_allKept_exitsZero() throws Exception {
    Path receipts = dir.resolve("receipts.txt");
    Files.write(receipts, ledger().receipt(31));
    Files.write(receipts, ledger().receipt(44), java.nio.file.StandardOpenOption.APPEND);

    assertThat(
            run(
                "check-receipts",
                receipts.toString(),
                "--log-key",
                key(),
                "--export",
                export().toString()))
        .isEqualTo(Main.EXIT_VALID);
    assertThat(out())
        .contains("Receipts:   2 checked, 2 as promised")
        .endsWith(
            "VALID: every receipt's entry is in the ledger at its index with its leaf hash.\n");
  }

  @Test
  void checkReceipts_urlAndExport_isAUsageError() throws Exception {
    Path receipts = Files.write(dir.resolve("r"), ledger().receipt(1));

    assertThat(
            run(
                "check-receipts",
                receipts.toString(),
                "--log-key",
                key(),
                "--url",
                "http://x",
                "--export",
                "e.zip"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).startsWith("verifier: give --export or --url, not both");
  }

  @Test
  void checkReceipts_urlNotHttp_isAUsageError() throws Exception {
    Path receipts = Files.write(dir.resolve("r"), ledger().receipt(1));

    assertThat(run("check-receipts", receipts.toString(), "--log-key", key(), "--url", "ftp://x"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).startsWith("verifier: --url must be an http or https URL of the service");
  }
}
