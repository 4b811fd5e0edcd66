package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.receipt.Receipt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The write API's good path over HTTP: receipts, idempotency, batches, checkpoints. */
@ExtendWith(OutputCaptureExtension.class)
class WriteApiTest extends HttpLedgerTest {

  @Test
  void statement_isAppendedWithASignedReceiptThatMatchesTheStoredEntry() throws Exception {
    long before = ledger.size();
    Submissions.Signed s = Bodies.newCircular();

    LedgerClient.Response r = client.post(s);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.contentType()).startsWith("application/json");
    Receipt receipt = r.receipt(keys.logVerifierKey(), keys.origin());
    assertThat(receipt.index()).isEqualTo(r.index()).isGreaterThanOrEqualTo(before);
    Entry stored = ledger.entry(receipt.index());
    receipt.requireMatches(stored);
    assertThat(stored.statement()).isEqualTo(s.statement());
    assertThat(stored.signatures()).isEqualTo(s.signatures());
    assertThat(stored.leafHash().hex()).isEqualTo(r.json().get("leafHash").asString());
    assertThat(stored.prev().hex()).isEqualTo(r.json().get("prev").asString());
    assertThat(stored.recordedAt().toString().replace("Z", ""))
        .startsWith(r.json().get("recordedAt").asString().substring(0, 19));
    ledger.assertConsistent();
  }

  @Test
  void sameStatementTwice_getsTheSameReceiptAndOneEntry() {
    Submissions.Signed s = Bodies.newCircular();
    LedgerClient.Response first = client.post(s);
    long size = ledger.size();

    LedgerClient.Response again = client.post(s);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(ledger.size()).isEqualTo(size);
    assertThat(ledger.entriesOf(s.statement().subject())).hasSize(1);
  }

  @Test
  void checkpoint_followsAnAppendAndCoversIt() throws Exception {
    LedgerClient.Response r = client.post(Bodies.newCircular());
    long index = r.index();
    Checkpoint c = null;
    // Bounded wait for the publisher (configured here to sign 50 ms after an append).
    for (int i = 0; i < 100; i++) {
      c =
          Checkpoints.open(
              client.get("/checkpoint").body().getBytes(StandardCharsets.UTF_8),
              keys.logVerifierKey(),
              keys.origin());
      if (c.size() > index) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(c.size()).isGreaterThan(index);
    assertThat(c.rootHash()).isEqualTo(ledger.recomputedRoot(c.size()));
  }

  @Test
  void batch_appendsItsAcceptedItemsInOneTransactionAndReportsEachRefusal() {
    Submissions.Signed a = Bodies.newCircular();
    Submissions.Signed b = Bodies.newCircular();
    Submissions.Signed badKey =
        Submissions.sign(
            "PEMKOT-METRO",
            "instrument.issued",
            Bodies.freshInstrument(),
            Bodies.circular("005/2/B-06/2023"),
            TestLedger.LATE,
            Submissions.randomNonce(),
            Submissions.keyOf("BKN"));
    Submissions.Signed again = Bodies.newCircular();
    assertThat(client.post(again).status()).isEqualTo(201);
    long size = ledger.size();

    LedgerClient.Response r = client.postBatch(List.of(a, badKey, b, again, a));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("appended").intValue()).isEqualTo(4);
    assertThat(body.get("refused").intValue()).isEqualTo(1);
    JsonNode results = body.get("results");
    assertThat(results.get(0).get("status").intValue()).isEqualTo(201);
    assertThat(results.get(0).get("index").longValue()).isEqualTo(size);
    assertThat(results.get(1).get("status").intValue()).isEqualTo(403);
    assertThat(results.get(1).get("problem").get("type").asString())
        .isEqualTo("urn:saksi:problem:key-other-agency");
    assertThat(results.get(2).get("index").longValue()).isEqualTo(size + 1);
    assertThat(results.get(3).get("status").intValue()).isEqualTo(200);
    assertThat(results.get(4).get("status").intValue()).isEqualTo(200);
    assertThat(results.get(4).get("index").longValue()).isEqualTo(size);
    assertThat(ledger.size()).isEqualTo(size + 2);
    // One transaction: both entries carry the same recorded time.
    assertThat(ledger.entry(size).recordedAt()).isEqualTo(ledger.entry(size + 1).recordedAt());
    ledger.assertConsistent();
  }

  @Test
  void batch_itemsMayBuildOnEachOther() {
    String caseId = "T-" + UUID.randomUUID();
    CaseScript script = new CaseScript(TestLedger.standard(), caseId);
    Submissions.Signed report =
        Submissions.sign(
            "BAWASLU-LAMPUNG",
            "case.reported",
            script.subject,
            script.reportBody("CANDIDATE", null));
    script.day = script.day.plusDays(2);
    Submissions.Signed register =
        Submissions.sign(
            "BAWASLU-LAMPUNG", "case.registered", script.subject, script.registerBody());
    Submissions.Signed verify =
        Submissions.sign("BKN", "case.verified", script.subject, script.verifyBody());

    LedgerClient.Response r = client.postBatch(List.of(report, register, verify));

    assertThat(r.json().get("appended").intValue()).as(r.body()).isEqualTo(3);
    assertThat(ledger.entriesOf(script.subject)).hasSize(3);
  }

  @Test
  void disclosures_areStoredApartAndNeverInTheLedgerOrTheLogs(CapturedOutput output) {
    CaseScript script = new CaseScript(TestLedger.standard(), "T-" + UUID.randomUUID());
    Submissions.Signed s =
        Submissions.sign(
            "BAWASLU-LAMPUNG",
            "case.reported",
            script.subject,
            script.reportBody("CANDIDATE", null));

    LedgerClient.Response r = client.post(s);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> stored =
        jdbc.queryForList(
            "SELECT disclosure FROM personal_disclosure WHERE entry_idx = ? ORDER BY field",
            String.class,
            r.index());
    assertThat(stored)
        .containsExactlyInAnyOrderElementsOf(
            s.disclosures().stream().map(Disclosure::encoded).toList());
    String leaf =
        new String(
            jdbc.queryForObject(
                "SELECT leaf FROM ledger_entry WHERE idx = ?", byte[].class, r.index()),
            StandardCharsets.UTF_8);
    String event =
        new String(
            jdbc.queryForObject(
                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class,
                script.subject),
            StandardCharsets.UTF_8);
    for (Disclosure d : s.disclosures()) {
      assertThat(leaf).doesNotContain(d.value()).doesNotContain(d.encoded());
      assertThat(event).doesNotContain(d.value()).doesNotContain(d.encoded());
      assertThat(output.getAll()).doesNotContain(d.value()).doesNotContain(d.encoded());
      assertThat(leaf).contains(d.digest().text());
    }
    assertThat(output.getAll()).doesNotContain("PRIVATE KEY");
  }
}
