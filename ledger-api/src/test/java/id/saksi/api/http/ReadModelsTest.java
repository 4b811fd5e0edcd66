package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseState;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read models over HTTP: they follow what was appended (checked against the core's own replay
 * of the stored ledger), carry no personal data, page within bounds, and answer errors as problems.
 */
class ReadModelsTest extends HttpLedgerTest {

  /** A case walked to a recommendation the PPK (PEMKOT-METRO) has not followed up. */
  private final class RecommendedCase {
    final CaseScript script = new CaseScript(TestLedger.standard(), "T-" + UUID.randomUUID());
    final List<Submissions.Signed> sent = new ArrayList<>();
    final List<Long> positions = new ArrayList<>();

    RecommendedCase build() {
      send("BAWASLU-LAMPUNG", "case.reported", script.reportBody("CANDIDATE", "DIS-N4"));
      script.day = script.day.plusDays(2);
      send("BAWASLU-LAMPUNG", "case.registered", script.registerBody());
      send("BKN", "case.verified", script.verifyBody());
      send("BAWASLU-LAMPUNG", "case.clarified", script.clarifyBody());
      send("BAWASLU-LAMPUNG", "case.assessed", script.assessBody("CANDIDATE", "DIS-N4"));
      send("BKN", "case.recommended", script.recommendBody("DISCIPLINE", "BERAT"));
      return this;
    }

    void send(String agency, String type, ObjectNode body) {
      Submissions.Signed s = Submissions.sign(agency, type, script.subject, body);
      LedgerClient.Response r = client.post(s);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      sent.add(s);
      positions.add(r.index());
    }

    long last() {
      return positions.get(positions.size() - 1);
    }

    String id() {
      return script.id;
    }
  }

  @Test
  void oneCase_showsItsStatusAndHistoryAsAppended() {
    RecommendedCase c = new RecommendedCase().build();
    awaitReadModels(c.last());

    LedgerClient.Response r = client.get("/cases/" + c.id());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode j = r.json();
    assertThat(j.get("subject").asString()).isEqualTo("case/" + c.id());
    assertThat(j.get("status").asString()).isEqualTo("RECOMMENDED");
    assertThat(j.get("election").asString()).isEqualTo("PILKADA-2024");
    assertThat(j.get("ppk").asString()).isEqualTo("PEMKOT-METRO");
    assertThat(j.get("region").asString()).isEqualTo("PEMKOT-METRO");
    assertThat(j.get("opened").get("agency").asString()).isEqualTo("BAWASLU-LAMPUNG");
    assertThat(j.get("opened").get("position").longValue()).isEqualTo(c.positions.get(0));
    assertThat(j.get("recommendation").get("position").longValue()).isEqualTo(c.last());
    assertThat(j.get("recommendation").get("followedUp").booleanValue()).isFalse();
    assertThat(j.get("recommendation").get("overdue").booleanValue()).isTrue();
    assertThat(j.get("lastPosition").longValue()).isEqualTo(c.last());
    JsonNode history = j.get("history");
    assertThat(history).hasSize(6);
    for (int i = 0; i < 6; i++) {
      Statement s = c.sent.get(i).statement();
      assertThat(history.get(i).get("position").longValue()).isEqualTo(c.positions.get(i));
      assertThat(history.get(i).get("type").asString()).isEqualTo(s.type());
      assertThat(history.get(i).get("agency").asString()).isEqualTo(s.agency());
      assertThat(history.get(i).get("issuedAt").asString()).isEqualTo(s.issuedAt().toString());
    }
  }

  @Test
  void everyCase_hasTheStatusTheCoresReplayOfTheStoredLedgerGives() throws Exception {
    new RecommendedCase().build();
    awaitReadModels(ledger.size() - 1);
    LedgerState replay = new LedgerState();
    List<String> cases = new ArrayList<>();
    for (Entry e : ledger.entries()) {
      Statement s = e.statement();
      replay.apply(
          new Submission(
              Position.of(e.index()),
              s.type(),
              AgencyCode.of(s.agency()),
              s.key(),
              s.subject(),
              s.issuedAt(),
              s.body()));
      if (s.type().equals("case.reported") || s.type().equals("case.found")) {
        cases.add(s.subject());
      }
    }
    assertThat(cases).isNotEmpty();

    for (String subject : cases) {
      CaseState state = replay.caseState(Subject.parse(subject)).orElseThrow();
      JsonNode j = client.get("/cases/" + subject.substring(5)).json();

      assertThat(j.get("status").asString()).as(subject).isEqualTo(state.status().name());
      assertThat(j.get("history")).as(subject).hasSize(state.log().size());
    }
  }

  @Test
  void oneCase_carriesNoDigestPersonReferenceUnitOrDisclosedValue() {
    RecommendedCase c = new RecommendedCase().build();
    awaitReadModels(c.last());

    String body = client.get("/cases/" + c.id()).body();
    String listing = client.get("/cases?agency=PEMKOT-METRO&size=100").body();

    assertThat(body).doesNotContain("DISDIK-METRO");
    for (Submissions.Signed s : c.sent) {
      for (Disclosure d : s.disclosures()) {
        assertThat(body).doesNotContain(d.digest().text()).doesNotContain(d.value());
        assertThat(listing).doesNotContain(d.digest().text()).doesNotContain(d.value());
      }
    }
    JsonNode reported = c.sent.get(0).statement().body().get("reported");
    assertThat(body).doesNotContain(reported.get("ref").asString());
    // Nothing but workflow facts: the members are exactly these.
    List<String> members = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it =
            client.get("/cases/" + c.id()).json().properties().iterator();
        it.hasNext(); ) {
      members.add(it.next().getKey());
    }
    assertThat(members)
        .containsExactly(
            "subject",
            "id",
            "election",
            "status",
            "opened",
            "ppk",
            "region",
            "recommendation",
            "personnelServicesBlocked",
            "lastPosition",
            "history",
            "asOf");
  }

  @Test
  void cases_filterAndPageWithinBounds() {
    RecommendedCase a = new RecommendedCase().build();
    RecommendedCase b = new RecommendedCase().build();
    awaitReadModels(b.last());

    JsonNode all = client.get("/cases?status=RECOMMENDED&agency=PEMKOT-METRO&size=100").json();
    long total = all.get("total").longValue();
    JsonNode page0 = client.get("/cases?status=recommended&agency=PEMKOT-METRO&size=1").json();
    JsonNode last =
        client
            .get("/cases?status=RECOMMENDED&agency=PEMKOT-METRO&size=1&page=" + (total - 1))
            .json();
    JsonNode beyond =
        client.get("/cases?status=RECOMMENDED&agency=PEMKOT-METRO&size=1&page=" + total).json();
    JsonNode defaults = client.get("/cases").json();

    assertThat(total).isGreaterThanOrEqualTo(2);
    List<String> subjects = new ArrayList<>();
    all.get("items").forEach(i -> subjects.add(i.get("subject").asString()));
    assertThat(subjects).contains(a.script.subject, b.script.subject);
    assertThat(all.get("items")).allSatisfy(i -> assertThat(i.has("history")).isFalse());
    assertThat(page0.get("items")).hasSize(1);
    assertThat(page0.get("total").longValue()).isEqualTo(total);
    assertThat(last.get("items").get(0).get("subject").asString()).isEqualTo(b.script.subject);
    assertThat(beyond.get("items")).isEmpty();
    assertThat(defaults.get("size").intValue()).isEqualTo(20);
    assertThat(defaults.get("items").size()).isLessThanOrEqualTo(20);
  }

  @Test
  void cases_badParameters_are400NamingThem() {
    assertBad("/cases?size=101", "size", "size must be 1 to 100, got 101");
    assertBad("/cases?size=0", "size", "size must be 1 to 100, got 0");
    assertBad(
        "/cases?page=100001",
        "page",
        "page must be at most 100000; narrow the listing with a filter");
    assertBad("/cases?page=-1", "page", null);
    assertBad("/cases?status=OPENED", "status", null);
    assertBad(
        "/cases?agency=pemkot", "agency", "agency must be an agency code such as PEMKOT-METRO");
    assertBad("/cases/..bad", "id", null);
  }

  @Test
  void oneCase_unknown_is404() {
    LedgerClient.Response r = client.get("/cases/NO-SUCH-CASE");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.problemType()).isEqualTo("not-found");
    assertThat(r.json().get("detail").asString()).startsWith("no case case/NO-SUCH-CASE is known");
  }

  @Test
  void agencyOverview_countsWhatThePpkMustDo() {
    awaitReadModels(ledger.size() - 1);
    JsonNode before = client.get("/agencies/PEMKOT-METRO/overview").json();

    RecommendedCase c = new RecommendedCase().build();
    awaitReadModels(c.last());
    JsonNode after = client.get("/agencies/PEMKOT-METRO/overview").json();
    JsonNode bawaslu = client.get("/agencies/BAWASLU-LAMPUNG/overview").json();

    assertThat(after.get("agency").asString()).isEqualTo("PEMKOT-METRO");
    assertThat(after.get("kind").asString()).isEqualTo("REGIONAL_GOVERNMENT");
    assertThat(delta(before, after, "open")).isEqualTo(1);
    assertThat(delta(before, after, "overdue")).isEqualTo(1);
    assertThat(delta(before, after, "recommendationsNotFollowedUp")).isEqualTo(1);
    assertThat(delta(before, after, "opened")).isZero();
    assertThat(bawaslu.get("cases").get("opened").longValue()).isGreaterThanOrEqualTo(1);
    assertThat(after.get("pactsSigned").longValue()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void agencyOverview_unknownOrMalformed_isAProblem() {
    LedgerClient.Response unknown = client.get("/agencies/NO-SUCH-AGENCY/overview");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problemType()).isEqualTo("not-found");
    assertBad("/agencies/lower/overview", "code", null);
  }

  @Test
  void statistics_countCasesByElectionRegionAndForm() {
    awaitReadModels(ledger.size() - 1);
    JsonNode electionBefore = row(client.get("/statistics?by=election").json(), "PILKADA-2024");
    JsonNode formBefore = row(client.get("/statistics?by=form").json(), "DIS-N4");

    RecommendedCase c = new RecommendedCase().build();
    awaitReadModels(c.last());
    JsonNode byElection = client.get("/statistics?by=election").json();
    JsonNode byRegion = client.get("/statistics?by=REGION").json();
    JsonNode byForm = client.get("/statistics?by=form").json();

    JsonNode election = row(byElection, "PILKADA-2024");
    assertThat(count(election, "cases") - count(electionBefore, "cases")).isEqualTo(1);
    assertThat(count(election, "open") - count(electionBefore, "open")).isEqualTo(1);
    assertThat(count(election, "violationsFound") - count(electionBefore, "violationsFound"))
        .isEqualTo(1);
    assertThat(election.has("pactsSigned")).isTrue();
    JsonNode form = row(byForm, "DIS-N4");
    assertThat(count(form, "alleged") - count(formBefore, "alleged")).isEqualTo(1);
    assertThat(count(form, "proven") - count(formBefore, "proven")).isEqualTo(1);
    assertThat(count(row(byRegion, "PEMKOT-METRO"), "cases")).isGreaterThanOrEqualTo(1);
    assertThat(byRegion.get("by").asString()).isEqualTo("region");
  }

  @Test
  void statistics_badGrouping_is400() {
    assertBad("/statistics", "by", "the query parameter by is required: region, election or form");
    assertBad("/statistics?by=agency", "by", "by must be region, election or form");
    assertBad("/statistics?by=form&size=1000", "size", null);
  }

  private void assertBad(String path, String parameter, String detail) {
    LedgerClient.Response r = client.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
    assertThat(r.problemType()).isEqualTo("bad-parameter");
    assertThat(r.json().get("parameter").asString()).isEqualTo(parameter);
    if (detail != null) {
      assertThat(r.json().get("detail").asString()).isEqualTo(detail);
    }
  }

  private static long delta(JsonNode before, JsonNode after, String field) {
    return after.get("cases").get(field).longValue() - before.get("cases").get(field).longValue();
  }

  private static JsonNode row(JsonNode stats, String key) {
    for (JsonNode r : stats.get("rows")) {
      if (r.get(stats.get("by").asString()).asString().equals(key)) {
        return r;
      }
    }
    return null;
  }

  private static long count(JsonNode row, String field) {
    return row == null ? 0 : row.get(field).longValue();
  }

  /** Waits (bounded) until the read models have applied the entry at {@code position}. */
  private void awaitReadModels(long position) {
    long asOf = -1;
    for (int i = 0; i < 400; i++) {
      asOf = client.get("/cases?size=1").json().get("asOf").longValue();
      if (asOf >= position) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the read models stopped at " + asOf + ", not " + position);
  }
}
