package id.saksi.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.TestInstances;
import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.FaultInjection;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.security.Http;
import id.saksi.api.security.WholeLedgerCheck;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.StandardAgencies;
import id.saksi.api.support.Submissions;
import id.saksi.api.support.TestHomes;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The restricted endpoints over real HTTP, on a service of their own with an auditors file: who may
 * read and erase personal data, every read recorded in the ledger before anything is returned,
 * every erasure recorded in the transaction that deletes, and the whole ledger still verifying
 * afterwards.
 */
class DisclosureAccessTest {
  private static final String AUDITOR = "auditor.one";
  private static final String AUDITOR_PASSWORD = "correct horse battery staple";
  private static final String ERASER = "dpo@bkn";
  private static final String ERASER_PASSWORD = "another long passphrase";
  private static final String PURPOSE = "Pemeriksaan kasus atas permintaan Ombudsman RI";

  private static ConfigurableApplicationContext service;
  private static Path home;
  private static LedgerClient client;
  private static Http http;
  private static LedgerTables ledger;
  private static JdbcTemplate jdbc;
  private static ServiceKeys keys;

  @BeforeAll
  static void start() throws Exception {
    home = TestHomes.fresh("disclosures-");
    // Cost 4: the tests check the file's format and the roles, not bcrypt's cost.
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    Files.writeString(
        home.resolve("auditors"),
        "# test accounts\n"
            + AUDITOR
            + ":{bcrypt}"
            + bcrypt.encode(AUDITOR_PASSWORD)
            + "\n"
            + ERASER
            + ":{bcrypt}"
            + bcrypt.encode(ERASER_PASSWORD)
            + ":ERASER\n",
        StandardCharsets.UTF_8);
    service = TestInstances.start("saksi.home=" + home, "saksi.checkpoint.delay=50ms");
    client = new LedgerClient(TestInstances.port(service));
    http = new Http(TestInstances.port(service));
    ledger = new LedgerTables(service.getBean(DataSource.class));
    jdbc = new JdbcTemplate(service.getBean(DataSource.class));
    keys = service.getBean(ServiceKeys.class);
    StandardAgencies.register(client);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static Submissions.Signed report() {
    String id = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
    return Submissions.sign(
        "BAWASLU-LAMPUNG",
        "case.reported",
        "case/" + id,
        new CaseScript(TestLedger.standard(), id).reportBody("CANDIDATE", null));
  }

  private static long append(Submissions.Signed s) {
    LedgerClient.Response r = client.post(s);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.index();
  }

  private static String purpose(String text) {
    return "?purpose=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Http.Answer read(long index) {
    return http.get("/disclosures/" + index + purpose(PURPOSE), AUDITOR, AUDITOR_PASSWORD);
  }

  private static Map<String, String> sent(Submissions.Signed s) {
    Map<String, String> out = new TreeMap<>();
    for (Disclosure d : s.disclosures()) {
      out.put(d.claimName(), d.encoded());
    }
    return out;
  }

  private static Map<String, String> returned(Http.Answer a) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode d : a.json().get("disclosures")) {
      out.put(d.get("field").asString(), d.get("disclosure").asString());
    }
    return out;
  }

  private static long storedRows(long index) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM personal_disclosure WHERE entry_idx = ?", Long.class, index);
  }

  // --- who may call ----------------------------------------------------------------------------

  @Test
  void publicEndpoints_answerWithoutCredentials() {
    assertThat(client.post(Bodies.newCircular()).status()).isEqualTo(201);
    assertThat(http.get("/checkpoint", null, null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
  }

  @Test
  void disclosures_withoutCredentials_401ProblemAndNothingRecorded() {
    long index = append(report());
    long size = ledger.size();

    Http.Answer a = http.get("/disclosures/" + index + purpose(PURPOSE), null, null);

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.header("WWW-Authenticate")).startsWith("Basic realm=\"saksi\"");
    assertThat(a.problemType()).isEqualTo("unauthorized");
    assertThat(a.json().get("status").intValue()).isEqualTo(401);
    assertThat(a.json().get("detail").asString())
        .isEqualTo(
            "this endpoint serves personal data to authorised auditors only: send the credentials"
                + " of an account of the auditors file with HTTP Basic, over TLS (see"
                + " SECURITY.md)");
    assertThat(ledger.size()).isEqualTo(size);
  }

  @Test
  void disclosures_wrongPassword_401() {
    long index = append(report());

    Http.Answer a =
        http.get("/disclosures/" + index + purpose(PURPOSE), AUDITOR, "not the password");

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.problemType()).isEqualTo("unauthorized");
    assertThat(a.body()).doesNotContain("disclosure\"");
  }

  @Test
  void disclosures_byAnEraserWithoutTheAuditorRole_403Problem() {
    long index = append(report());

    Http.Answer a = http.get("/disclosures/" + index + purpose(PURPOSE), ERASER, ERASER_PASSWORD);

    assertThat(a.status()).isEqualTo(403);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.problemType()).isEqualTo("forbidden");
    assertThat(a.json().get("detail").asString())
        .isEqualTo(
            "this account may not do this: reading disclosures needs the role AUDITOR, erasing"
                + " them the role ERASER (see SECURITY.md)");
  }

  @Test
  void erasure_byAnAuditorWithoutTheEraserRole_403AndNothingErased() {
    long index = append(report());

    Http.Answer a =
        http.post(
            "/disclosures/" + index + "/erasure",
            "{\"reason\":\"SUBJECT_REQUEST\",\"basis\":\"UU 27/2022 Pasal 8\"}",
            AUDITOR,
            AUDITOR_PASSWORD);

    assertThat(a.status()).isEqualTo(403);
    assertThat(a.problemType()).isEqualTo("forbidden");
    assertThat(storedRows(index)).isEqualTo(8);
  }

  // --- reading -------------------------------------------------------------------------------

  @Test
  void read_returnsTheDisclosuresOnceTheAccessIsInTheLedger() throws Exception {
    Submissions.Signed s = report();
    long index = append(s);
    long size = ledger.size();

    Http.Answer a = read(index);

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.header("Cache-Control")).contains("no-store");
    assertThat(a.json().get("entry").longValue()).isEqualTo(index);
    assertThat(returned(a)).isEqualTo(sent(s)).hasSize(8);
    assertThat(a.json().has("erased")).isFalse();
    long at = a.json().get("accessRecord").get("index").longValue();
    assertThat(at).isGreaterThanOrEqualTo(size);
    Entry record = ledger.entry(at);
    assertThat(record.statement().type()).isEqualTo("disclosure.accessed");
    assertThat(record.statement().agency()).isEqualTo("REGISTRAR");
    assertThat(record.statement().subject()).isEqualTo("registry");
    assertThat(record.statement().key()).isEqualTo(KeyId.of(keys.registrarKey().publicKey()));
    JsonNode body = record.statement().body();
    assertThat(body.get("entry").longValue()).isEqualTo(index);
    List<String> fields = new ArrayList<>();
    body.get("fields").forEach(f -> fields.add(f.asString()));
    assertThat(fields).containsExactlyElementsOf(sent(s).keySet());
    assertThat(body.get("auditor").asString()).isEqualTo(AUDITOR);
    assertThat(body.get("purpose").asString()).isEqualTo(PURPOSE);
    a.json().get("accessRecord").get("receipt").asString();
    // The record holds no personal data: no disclosure, no value.
    String leaf = new String(record.leafBytes(), StandardCharsets.UTF_8);
    for (Disclosure d : s.disclosures()) {
      assertThat(leaf).doesNotContain(d.encoded()).doesNotContain(d.value());
    }
  }

  @Test
  void read_withoutPurpose_400AndNothingRecorded() {
    long index = append(report());
    long size = ledger.size();

    Http.Answer a = http.get("/disclosures/" + index, AUDITOR, AUDITOR_PASSWORD);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.problemType()).isEqualTo("invalid-access");
    assertThat(a.json().get("detail").asString())
        .isEqualTo("purpose is required: say why, in 1 to 500 characters on one line (no names)");
    assertThat(ledger.size()).isEqualTo(size);
  }

  @Test
  void read_purposeTooLong_400() {
    long index = append(report());

    Http.Answer a =
        http.get("/disclosures/" + index + purpose("x".repeat(501)), AUDITOR, AUDITOR_PASSWORD);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("detail").asString())
        .isEqualTo("purpose has 501 characters; at most 500 are allowed");
  }

  @Test
  void read_entryWithoutPersonalData_404() {
    long index = append(Bodies.newCircular());

    Http.Answer a = read(index);

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.problemType()).isEqualTo("no-disclosures");
    assertThat(a.json().get("detail").asString())
        .isEqualTo("entry " + index + " has no personal data stored with it");
  }

  @Test
  void read_entryNotInTheLedger_404() {
    Http.Answer a = read(99_999_999);

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("detail").asString()).isEqualTo("entry 99999999 is not in the ledger");
  }

  @Test
  void read_whenTheAccessCannotBeRecorded_returnsNothing() {
    Submissions.Signed s = report();
    long index = append(s);
    long size = ledger.size();
    FaultInjection.Faults faults = service.getBean(FaultInjection.Faults.class);
    faults.fail("registry", FaultInjection.Kind.DATABASE, 1_000);
    Http.Answer a;
    try {
      a = read(index);
    } finally {
      faults.fail("registry", FaultInjection.Kind.DATABASE, 0);
    }

    assertThat(a.status()).isEqualTo(503);
    assertThat(a.problemType()).isEqualTo("unavailable");
    for (Disclosure d : s.disclosures()) {
      assertThat(a.body()).doesNotContain(d.encoded());
    }
    assertThat(ledger.size()).isEqualTo(size);
  }

  // --- erasure -------------------------------------------------------------------------------

  @Test
  void erasure_recordedAndDeletedTogether_then410_andTheLedgerStillVerifies() throws Exception {
    Submissions.Signed s = report();
    long index = append(s);

    Http.Answer some =
        http.post(
            "/disclosures/" + index + "/erasure",
            "{\"reason\":\"SUBJECT_REQUEST\",\"basis\":\"UU 27/2022 Pasal 8\","
                + "\"fields\":[\"reporter.name\",\"reporter.contact\",\"reporter.nik\"]}",
            ERASER,
            ERASER_PASSWORD);

    assertThat(some.status()).as(some.body()).isEqualTo(200);
    long erasedAt = some.json().get("erasureRecord").get("index").longValue();
    Entry record = ledger.entry(erasedAt);
    assertThat(record.statement().type()).isEqualTo("disclosure.erased");
    assertThat(record.statement().agency()).isEqualTo("REGISTRAR");
    JsonNode body = record.statement().body();
    assertThat(body.get("entry").longValue()).isEqualTo(index);
    assertThat(body.get("officer").asString()).isEqualTo(ERASER);
    assertThat(body.get("reason").asString()).isEqualTo("SUBJECT_REQUEST");
    assertThat(body.get("basis").asString()).isEqualTo("UU 27/2022 Pasal 8");
    assertThat(storedRows(index)).isEqualTo(5);
    // The auditor now reads only what remains.
    Map<String, String> remaining = sent(s);
    remaining.keySet().removeAll(List.of("reporter.name", "reporter.contact", "reporter.nik"));
    Http.Answer after = read(index);
    assertThat(returned(after)).isEqualTo(remaining);
    assertThat(after.json().get("erased").toString())
        .isEqualTo("[\"reporter.contact\",\"reporter.name\",\"reporter.nik\"]");

    Http.Answer rest =
        http.post(
            "/disclosures/" + index + "/erasure",
            "{\"reason\":\"COURT_ORDER\",\"basis\":\"Putusan PTUN 12/G/2025\"}",
            ERASER,
            ERASER_PASSWORD);
    assertThat(rest.status()).as(rest.body()).isEqualTo(200);
    long lastErasure = rest.json().get("erasureRecord").get("index").longValue();
    assertThat(storedRows(index)).isZero();

    Http.Answer gone = read(index);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.problemType()).isEqualTo("disclosures-erased");
    assertThat(gone.json().get("detail").asString())
        .isEqualTo(
            "the personal data of entry "
                + index
                + " was erased (recorded as entry "
                + lastErasure
                + "); the entry, its digests and proofs remain");
    assertThat(gone.json().get("erasureRecord").longValue()).isEqualTo(lastErasure);
    Http.Answer again =
        http.post(
            "/disclosures/" + index + "/erasure",
            "{\"reason\":\"OTHER\",\"basis\":\"again\"}",
            ERASER,
            ERASER_PASSWORD);
    assertThat(again.status()).isEqualTo(410);

    // The statement, its signature, the chain, the tree, the checkpoint and the domain replay
    // all verify with the values gone; the disclosures still stored match their digests.
    VerificationReport report =
        WholeLedgerCheck.verify(
            service.getBean(DataSource.class),
            service.getBean(CheckpointPublisher.class),
            keys,
            home.resolve("exports"));
    assertThat(report.failures()).isEmpty();
    assertThat(report.checkpoint().orElseThrow().size()).isGreaterThan(lastErasure);
  }

  @Test
  void erasure_whenTheRecordCannotBeAppended_deletesNothing() {
    long index = append(report());
    FaultInjection.Faults faults = service.getBean(FaultInjection.Faults.class);
    faults.fail("registry", FaultInjection.Kind.DATABASE, 1_000);
    Http.Answer a;
    try {
      a =
          http.post(
              "/disclosures/" + index + "/erasure",
              "{\"reason\":\"SUBJECT_REQUEST\",\"basis\":\"UU 27/2022 Pasal 8\"}",
              ERASER,
              ERASER_PASSWORD);
    } finally {
      faults.fail("registry", FaultInjection.Kind.DATABASE, 0);
    }

    assertThat(a.status()).isEqualTo(503);
    assertThat(storedRows(index)).isEqualTo(8);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM disclosure_erasure WHERE entry_idx = ?", Long.class, index))
        .isZero();
  }

  @Test
  void erasureStep_findingAFieldGone_rollsTheRecordBackToo() {
    long index = append(report());
    long size = ledger.size();
    ServiceRecords records = service.getBean(ServiceRecords.class);
    DisclosureStore store = service.getBean(DisclosureStore.class);
    tools.jackson.databind.node.ObjectNode body =
        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    body.put("entry", index);
    body.putArray("fields").add("place").add("reporter.name");
    body.put("officer", ERASER);
    body.put("reason", "OTHER");
    body.put("basis", "test");
    // As if another erasure of reporter.name had committed between the check and this one.
    jdbc.update(
        "DELETE FROM personal_disclosure WHERE entry_idx = ? AND field = 'reporter.name'", index);

    assertThatThrownBy(
            () ->
                records.append(
                    "disclosure.erased",
                    body,
                    store.eraseStep(index, List.of("place", "reporter.name"))))
        .isInstanceOf(id.saksi.api.problem.ProblemException.class)
        .hasMessage(
            "the disclosures [reporter.name] of entry "
                + index
                + " were erased by another request meanwhile; nothing was recorded");
    assertThat(ledger.size()).isEqualTo(size);
    assertThat(storedRows(index)).isEqualTo(7);
  }

  @Test
  void erasure_withoutReason_400() {
    long index = append(report());

    Http.Answer a =
        http.post(
            "/disclosures/" + index + "/erasure",
            "{\"basis\":\"UU 27/2022 Pasal 8\"}",
            ERASER,
            ERASER_PASSWORD);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.problemType()).isEqualTo("invalid-access");
    assertThat(a.json().get("detail").asString())
        .isEqualTo(
            "reason must be one of [SUBJECT_REQUEST, RETENTION_ENDED, COURT_ORDER,"
                + " UNLAWFUL_PROCESSING, OTHER]");
    assertThat(storedRows(index)).isEqualTo(8);
  }

  @Test
  void erasure_ofAFieldNotStored_404() {
    long index = append(report());

    Http.Answer a =
        http.post(
            "/disclosures/" + index + "/erasure",
            "{\"reason\":\"OTHER\",\"basis\":\"test\",\"fields\":[\"nope\"]}",
            ERASER,
            ERASER_PASSWORD);

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.problemType()).isEqualTo("no-disclosures");
    assertThat(storedRows(index)).isEqualTo(8);
  }

  private static byte[] exportBytes(String path, String user, String password, int status)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + TestInstances.port(service) + path))
            .timeout(Duration.ofSeconds(60));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    return r.body();
  }

  private static void awaitCheckpointOver(long index) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Long size = jdbc.queryForObject("SELECT max(size) FROM checkpoint", Long.class);
      if (size != null && size > index) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no checkpoint over entry " + index + " within 10 s");
  }

  @Test
  void export_withDisclosures_recordsEachAccessBeforeTheBundleAndVerifies() throws Exception {
    Submissions.Signed s = report();
    long index = append(s);
    awaitCheckpointOver(index);
    String id = s.statement().subject().substring("case/".length());
    long size = ledger.size();

    byte[] zip =
        exportBytes(
            "/export/cases/" + id + "?includeDisclosures=true&" + purpose(PURPOSE).substring(1),
            AUDITOR,
            AUDITOR_PASSWORD,
            200);

    // One access record for the one entry with personal data, before the export was written.
    assertThat(ledger.size()).isEqualTo(size + 1);
    Entry record = ledger.entry(size);
    assertThat(record.statement().type()).isEqualTo("disclosure.accessed");
    JsonNode body = record.statement().body();
    assertThat(body.get("entry").longValue()).isEqualTo(index);
    assertThat(body.get("auditor").asString()).isEqualTo(AUDITOR);
    assertThat(body.get("purpose").asString()).isEqualTo(PURPOSE);
    Path file = home.resolve("case-" + id + ".zip");
    Files.write(file, zip);
    VerificationReport report =
        ExportVerifier.verify(file, VerifyOptions.of(keys.logVerifierKey()).withMaxFailures(10));
    assertThat(report.failures()).isEmpty();
    // Every disclosure of the report (its eight personal fields) checked against its digest.
    assertThat(report.counts().disclosures()).isEqualTo(s.disclosures().size()).isEqualTo(8);
  }

  @Test
  void export_withDisclosures_withoutPurposeOrRole_isRefusedAndRecordsNothing() throws Exception {
    Submissions.Signed s = report();
    long index = append(s);
    awaitCheckpointOver(index);
    String id = s.statement().subject().substring("case/".length());
    long size = ledger.size();

    String noPurpose =
        new String(
            exportBytes(
                "/export/cases/" + id + "?includeDisclosures=true", AUDITOR, AUDITOR_PASSWORD, 400),
            StandardCharsets.UTF_8);
    String anonymous =
        new String(
            exportBytes(
                "/export/cases/" + id + "?includeDisclosures=true&" + purpose(PURPOSE).substring(1),
                null,
                null,
                403),
            StandardCharsets.UTF_8);
    String eraserOnly =
        new String(
            exportBytes(
                "/export/cases/" + id + "?includeDisclosures=true&" + purpose(PURPOSE).substring(1),
                ERASER,
                ERASER_PASSWORD,
                403),
            StandardCharsets.UTF_8);

    assertThat(noPurpose).contains("invalid-access").contains("add purpose=");
    assertThat(anonymous).contains("disclosures-forbidden");
    assertThat(eraserOnly).contains("disclosures-forbidden");
    assertThat(ledger.size()).isEqualTo(size);
  }
}
