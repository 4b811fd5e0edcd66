package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.Agencies;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input of issue 4 is refused with its documented status and problem type, says what was
 * wrong, shows no internals, and appends nothing.
 */
class BadInputTest extends HttpLedgerTest {

  /** Sends, and checks the problem: status, type, media type, no stack trace, nothing appended. */
  private JsonNode refused(LedgerClient.Response r, int status, String type, long sizeBefore) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.problemType()).as(r.body()).isEqualTo(type);
    JsonNode p = r.json();
    assertThat(p.get("status").intValue()).isEqualTo(status);
    assertThat(p.get("title").asString()).isNotBlank();
    assertThat(p.get("detail").asString()).isNotBlank();
    assertThat(p.get("instance").asString()).startsWith("/statements");
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("trace");
    assertThat(ledger.size()).as("ledger size").isEqualTo(sizeBefore);
    return p;
  }

  private static Submissions.Signed circular() {
    return Submissions.sign(
        "PEMKOT-METRO",
        "instrument.issued",
        "instrument/T-" + UUID.randomUUID(),
        Bodies.circular("005/7/B-06/2023"));
  }

  @Test
  void malformedJson_is400() {
    long size = ledger.size();
    JsonNode p =
        refused(
            client.post(
                "/statements",
                "{\"statement\":".getBytes(StandardCharsets.UTF_8),
                "application/json"),
            400,
            "malformed-json",
            size);
    assertThat(p.get("detail").asString()).startsWith("the body is not strict JSON: ");
  }

  @Test
  void duplicateMemberName_isMalformedJson() {
    long size = ledger.size();
    byte[] body =
        "{\"statement\":{},\"statement\":{},\"signatures\":[]}".getBytes(StandardCharsets.UTF_8);
    refused(client.post("/statements", body, "application/json"), 400, "malformed-json", size);
  }

  @Test
  void notJson_is415() {
    long size = ledger.size();
    JsonNode p =
        refused(
            client.post("/statements", circular().bytes(), "text/plain"),
            415,
            "unsupported-media-type",
            size);
    assertThat(p.get("detail").asString())
        .isEqualTo(
            "the body must be JSON, sent with Content-Type: application/json; got text/plain");
  }

  @Test
  void oversizedBody_is413() {
    long size = ledger.size();
    byte[] body = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    JsonNode p =
        refused(client.post("/statements", body, "application/json"), 413, "too-large", size);
    assertThat(p.get("limit").longValue()).isEqualTo(1024 * 1024);
  }

  @Test
  void batchOfMoreThan1000_is413() {
    long size = ledger.size();
    Submissions.Signed one = circular();
    List<Submissions.Signed> items = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      items.add(one);
    }
    JsonNode p = refused(client.postBatch(items), 413, "too-large", size);
    assertThat(p.get("detail").asString())
        .isEqualTo(
            "the batch holds 1001 submissions; at most 1000 are accepted in one request: split"
                + " it");
  }

  @Test
  void malformedEnvelope_is400WithTheField() {
    long size = ledger.size();
    Submissions.Signed s = circular();
    s.json().withObject("statement").put("nonce", "short");
    JsonNode p =
        refused(
            client.post("/statements", s.bytes(), "application/json"),
            400,
            "malformed-statement",
            size);
    assertThat(p.get("field").asString()).isEqualTo("/statement/nonce");
    assertThat(p.get("detail").asString())
        .isEqualTo(
            "/statement/nonce: must be 22 to 88 base64url characters (at least 128 bits), got"
                + " \"short\"");
  }

  @Test
  void bodyAgainstItsSchema_is400WithTheField() {
    long size = ledger.size();
    Submissions.Signed s =
        Submissions.sign(
            "PEMKOT-METRO",
            "instrument.issued",
            "instrument/T-" + UUID.randomUUID(),
            J.with(Bodies.circular("005/8/B-06/2023"), "title", null));
    JsonNode p = refused(client.post(s), 400, "invalid-record", size);
    assertThat(p.get("field").asString()).isEqualTo("/statement/body/title");
  }

  @Test
  void wrongSignature_is403() {
    long size = ledger.size();
    Submissions.Signed good = circular();
    Statement other = circular().statement();
    StatementSignature wrong = Statements.sign(other, Submissions.keyOf("PEMKOT-METRO"));
    Submissions.Signed s = Submissions.of(good.statement(), List.of(wrong), List.of());
    JsonNode p = refused(client.post(s), 403, "signature-invalid", size);
    assertThat(p.get("detail").asString())
        .startsWith("signature by key " + good.statement().key() + " does not verify over");
  }

  @Test
  void unknownKey_is403() {
    long size = ledger.size();
    Ed25519PrivateKey stranger = TestLedger.privateKey("stranger-" + UUID.randomUUID());
    Submissions.Signed s =
        Submissions.sign(
            "PEMKOT-METRO",
            "instrument.issued",
            "instrument/T-" + UUID.randomUUID(),
            Bodies.circular("005/9/B-06/2023"),
            TestLedger.LATE,
            Submissions.randomNonce(),
            stranger);
    JsonNode p = refused(client.post(s), 403, "key-unknown", size);
    assertThat(p.get("detail").asString())
        .contains("cannot sign for PEMKOT-METRO: no such key is registered");
  }

  @Test
  void revokedKey_is403() {
    String code = Agencies.register(client, Agencies.freshCode());
    Agencies.addKey(client, code, 2);
    Agencies.revokeKey(client, code, 1);
    long size = ledger.size();
    Submissions.Signed s =
        Submissions.sign(
            code,
            "instrument.issued",
            "instrument/T-" + UUID.randomUUID(),
            Bodies.circular("005/10/B-06/2023"),
            TestLedger.LATE,
            Submissions.randomNonce(),
            TestLedger.privateKey(code + "#1"));
    JsonNode p = refused(client.post(s), 403, "key-revoked", size);
    assertThat(p.get("detail").asString())
        .contains("the key was revoked (RETIRED) at position " + (size - 1));
    assertThat(p.get("position").longValue()).isEqualTo(size);
  }

  @Test
  void agencySigningAsAnother_is403() {
    long size = ledger.size();
    Submissions.Signed s =
        Submissions.sign(
            "PEMKOT-METRO",
            "instrument.issued",
            "instrument/T-" + UUID.randomUUID(),
            Bodies.circular("005/11/B-06/2023"),
            TestLedger.LATE,
            Submissions.randomNonce(),
            Submissions.keyOf("BAWASLU"));
    JsonNode p = refused(client.post(s), 403, "key-other-agency", size);
    assertThat(p.get("detail").asString()).contains("the key belongs to BAWASLU");
  }

  @Test
  void registrarOnlyRecordFromAnAgency_is422WithTheRule() {
    long size = ledger.size();
    Submissions.Signed s =
        Submissions.sign(
            "BKN",
            "agency.registered",
            "registry",
            J.o("code", Agencies.freshCode(), "name", "X", "kind", "CENTRAL_AGENCY", "ppk", true));
    JsonNode p = refused(client.post(s), 422, "rejected", size);
    assertThat(p.get("rule").asString()).isEqualTo("registry.registrar-only");
    assertThat(p.get("subject").asString()).isEqualTo("registry");
    assertThat(p.get("state").asString()).isEqualTo("ACTIVE");
    assertThat(p.get("detail").asString())
        .isEqualTo("agency.registered is signed by the registrar, not by BKN (BKN)");
  }

  @Test
  void illegalTransition_is422WithStateRuleAndSource() {
    String caseId = "T-" + UUID.randomUUID();
    CaseScript script = new CaseScript(TestLedger.standard(), caseId);
    LedgerClient.Response report =
        client.post(
            Submissions.sign(
                "BAWASLU-LAMPUNG",
                "case.reported",
                script.subject,
                script.reportBody("CANDIDATE", null)));
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    script.day = script.day.plusDays(2);
    long size = ledger.size();

    JsonNode p =
        refused(
            client.post(
                Submissions.sign("BKN", "case.verified", script.subject, script.verifyBody())),
            422,
            "rejected",
            size);
    assertThat(p.get("rule").asString()).isEqualTo("case.verified.from-state");
    assertThat(p.get("state").asString()).isEqualTo("RECEIVED");
    assertThat(p.get("source").asString()).startsWith("DOMAIN.md step 2");
    assertThat(p.get("detail").asString())
        .isEqualTo(
            "case.verified cannot follow state RECEIVED; it follows REGISTERED (from RECEIVED the"
                + " next step is case.registered or case.not-registered)");
  }

  @Test
  void replayedNonceWithOtherContent_is409() {
    Submissions.Signed first = circular();
    assertThat(client.post(first).status()).isEqualTo(201);
    long size = ledger.size();
    Submissions.Signed second =
        Submissions.sign(
            "PEMKOT-METRO",
            "instrument.issued",
            "instrument/T-" + UUID.randomUUID(),
            Bodies.circular("005/12/B-06/2023"),
            TestLedger.LATE,
            first.statement().nonce(),
            Submissions.keyOf("PEMKOT-METRO"));
    JsonNode p = refused(client.post(second), 409, "nonce-reused", size);
    assertThat(p.get("nonce").asString()).isEqualTo(first.statement().nonce());
  }

  @Test
  void personalDataDisclosureMissing_is422() {
    long size = ledger.size();
    CaseScript script = new CaseScript(TestLedger.standard(), "T-" + UUID.randomUUID());
    Submissions.Signed full =
        Submissions.sign(
            "BAWASLU-LAMPUNG",
            "case.reported",
            script.subject,
            script.reportBody("CANDIDATE", null));
    Submissions.Signed withoutOne =
        Submissions.of(
            full.statement(),
            full.signatures(),
            full.disclosures().subList(1, full.disclosures().size()));
    JsonNode p = refused(client.post(withoutOne), 422, "personal-data", size);
    assertThat(p.get("detail").asString())
        .endsWith("is committed in the body but not disclosed; send its disclosure");
  }

  @Test
  void unknownPathAndWrongMethod_areProblems() {
    LedgerClient.Response missing = client.get("/no-such-thing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    // No "type" member: RFC 9457's about:blank, the status says it all.
    assertThat(missing.json().path("type").asString("about:blank")).isEqualTo("about:blank");
    assertThat(missing.json().get("status").intValue()).isEqualTo(404);
    LedgerClient.Response method = client.get("/statements");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.contentType()).startsWith("application/problem+json");
  }
}
