package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.json.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** keygen, sign and the command line's contract: help, usage errors, exit codes. */
class MainTest {
  @TempDir Path dir;

  @Test
  void help_listsEveryCommand_andExitsZero() {
    Cli r = Cli.run("--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("keygen --agency", "sign --key", "submit --url", "check --url");
  }

  @Test
  void commandHelp_showsThatCommandOnly() {
    Cli r = Cli.run("submit", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--batch FILE.ndjson|FILE.csv").doesNotContain("keygen");
  }

  @Test
  void noArguments_printsUsage_andExitsTwo() {
    Cli r = Cli.run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("usage: java -jar agency-client.jar COMMAND");
  }

  @Test
  void unknownOption_isAUsageError() {
    Cli r = Cli.run("keygen", "--agency", "BKN", "--out", dir.toString(), "--force");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "agency-client: unknown option --force (java -jar agency-client.jar keygen --help)\n");
  }

  @Test
  void submit_urlThatIsNotHttp_isAUsageError() {
    Cli r = Cli.run("submit", "--url", "ftp://ledger.example", "s.json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "agency-client: --url must be the service's http or https address, such as"
                + " http://localhost:8080 (java -jar agency-client.jar submit --help)\n");
  }

  @Test
  void submit_retriesNotANumber_isAUsageError() {
    Cli r = Cli.run("submit", "--url", "http://localhost:1", "--retries", "many", "s.json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("agency-client: --retries must be a whole number from 0 to 10");
  }

  @Test
  void check_logKeyThatIsNotAKey_isAUsageError() {
    Cli r = Cli.run("check", "--url", "http://localhost:1", "--log-key", "nonsense", "r.txt");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("agency-client: --log-key is not the log's verifier key (name+id+key, as");
  }

  @Test
  void keygen_writesAnOwnerOnlyKey_andPrintsItsIdAndRegistration() throws Exception {
    Cli r = Cli.run("keygen", "--agency", "PEMKOT-METRO", "--out", dir.resolve("keys").toString());

    assertThat(r.code()).as(r.err()).isZero();
    Matcher id = Pattern.compile("key id +([0-9a-f]{64})").matcher(r.out());
    assertThat(id.find()).isTrue();
    Path pem = dir.resolve("keys/PEMKOT-METRO-" + id.group(1).substring(0, 8) + ".pem");
    Ed25519PrivateKey key = Ed25519PrivateKey.readPemFile(pem);
    assertThat(KeyId.of(key.publicKey()).hex()).isEqualTo(id.group(1));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)))
        .isEqualTo("rw-------");
    String body =
        "{\"agency\":\"PEMKOT-METRO\",\"publicKey\":\"" + key.publicKey().base64() + "\"}";
    assertThat(r.out()).contains("public key   " + key.publicKey().base64(), "key.added", body);
    Path registration =
        dir.resolve("keys/PEMKOT-METRO-" + id.group(1).substring(0, 8) + ".key-added.json");
    assertThat(Files.readString(registration, UTF_8)).isEqualTo(body + "\n");
  }

  @Test
  void keygen_badAgencyCode_isAUsageError() {
    Cli r = Cli.run("keygen", "--agency", "metro city", "--out", dir.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("agency-client: --agency: ");
  }

  @Test
  void keygen_thenSign_keyAddedByTheRegistrar_isASubmissionOfThatRecord() throws Exception {
    Cli.run("keygen", "--agency", "BKN", "--out", dir.toString());
    Path registration;
    try (Stream<Path> files = Files.list(dir)) {
      registration =
          files.filter(p -> p.toString().endsWith(".key-added.json")).findFirst().orElseThrow();
    }
    Path registrarKey = dir.resolve("registrar.pem");
    StubLedger.agencyKey("REGISTRAR").writePemFile(registrarKey);

    Cli r =
        Cli.run(
            "sign",
            "--key",
            registrarKey.toString(),
            "--agency",
            "REGISTRAR",
            "--type",
            "key.added",
            "--subject",
            "registry",
            "--body",
            registration.toString());

    assertThat(r.code()).as(r.err()).isZero();
    SignedSubmission s = SignedSubmission.parse(r.out().getBytes(UTF_8), "out");
    assertThat(s.statement().type()).isEqualTo("key.added");
    assertThat(s.statement().body().get("agency").asString()).isEqualTo("BKN");
  }

  @Test
  void sign_withPersonalFields_writesTheSubmissionAndNoValueInTheStatement() throws Exception {
    Path key = dir.resolve("k.pem");
    StubLedger.agencyKey("BAWASLU-LAMPUNG").writePemFile(key);
    Path body =
        Fixtures.write(
            dir.resolve("body.json"), Fixtures.reportBodyWithoutPersonalData("M-1").toString());
    Path personal =
        Fixtures.write(
            dir.resolve("personal.json"),
            tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(Fixtures.reportPersonalData()));
    Path out = dir.resolve("report.json");

    Cli r =
        Cli.run(
            "sign",
            "--key",
            key.toString(),
            "--agency",
            "BAWASLU-LAMPUNG",
            "--type",
            "case.reported",
            "--subject",
            "case/M-1",
            "--body",
            body.toString(),
            "--personal",
            personal.toString(),
            "--issued-at",
            "2024-10-05T03:00:00Z",
            "--out",
            out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    SignedSubmission s = SubmissionFiles.readOne(out);
    assertThat(s.disclosures()).hasSize(8);
    assertThat(s.statement().toTree().toString()).doesNotContain("Budi", "198503302010122001");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    assertThat(r.err()).contains("keep the file private");
  }

  @Test
  void sign_clearNipInTheBody_isRefusedWithExitOne() throws Exception {
    Path key = dir.resolve("k.pem");
    StubLedger.agencyKey("BAWASLU-LAMPUNG").writePemFile(key);
    tools.jackson.databind.node.ObjectNode b = Fixtures.reportBodyWithoutPersonalData("M-2");
    ((tools.jackson.databind.node.ObjectNode) b.get("reported")).put("nip", "198503302010122001");
    Path body = Fixtures.write(dir.resolve("body.json"), b.toString());

    Cli r =
        Cli.run(
            "sign",
            "--key",
            key.toString(),
            "--agency",
            "BAWASLU-LAMPUNG",
            "--type",
            "case.reported",
            "--subject",
            "case/M-2",
            "--body",
            body.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("agency-client: not signed: field \"");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void sign_toNdjsonTwice_appendsTwoLines() throws Exception {
    Path key = dir.resolve("k.pem");
    StubLedger.agencyKey("PEMKOT-METRO").writePemFile(key);
    Path body = Fixtures.write(dir.resolve("body.json"), Fixtures.circularBody().toString());
    Path batch = dir.resolve("batch.ndjson");
    for (String subject : List.of("instrument/N-1", "instrument/N-2")) {
      Cli r =
          Cli.run(
              "sign",
              "--key",
              key.toString(),
              "--agency",
              "PEMKOT-METRO",
              "--type",
              "instrument.issued",
              "--subject",
              subject,
              "--body",
              body.toString(),
              "--out",
              batch.toString());
      assertThat(r.code()).as(r.err()).isZero();
    }

    List<String> lines = Files.readAllLines(batch, UTF_8);

    assertThat(lines).hasSize(2);
    JsonNode second = CanonicalJson.parse(lines.get(1).getBytes(UTF_8));
    assertThat(second.get("statement").get("subject").asString()).isEqualTo("instrument/N-2");
  }

  @Test
  void sign_existingJsonFile_isNotReplaced() throws Exception {
    Path key = dir.resolve("k.pem");
    StubLedger.agencyKey("PEMKOT-METRO").writePemFile(key);
    Path body = Fixtures.write(dir.resolve("body.json"), Fixtures.circularBody().toString());
    Path out = Fixtures.write(dir.resolve("s.json"), "keep me");

    Cli r =
        Cli.run(
            "sign",
            "--key",
            key.toString(),
            "--agency",
            "PEMKOT-METRO",
            "--type",
            "instrument.issued",
            "--subject",
            "instrument/X-1",
            "--body",
            body.toString(),
            "--out",
            out.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("agency-client: will not replace the existing file " + out + "\n");
    assertThat(Files.readString(out, UTF_8)).isEqualTo("keep me");
  }

  @Test
  void sign_keyFileNotAKey_isUnusableInput() throws Exception {
    Path key = Fixtures.write(dir.resolve("k.pem"), "not a key");
    Path body = Fixtures.write(dir.resolve("body.json"), "{}");

    Cli r =
        Cli.run(
            "sign",
            "--key",
            key.toString(),
            "--agency",
            "BKN",
            "--type",
            "x.y",
            "--subject",
            "registry",
            "--body",
            body.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("agency-client: " + key + ": not an Ed25519 private key");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }
}
