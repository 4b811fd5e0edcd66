package id.saksi.core.domain.testing;

import static id.saksi.core.domain.testing.TestLedger.BAWASLU_LAMPUNG;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.BPASN;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static id.saksi.core.domain.testing.TestLedger.METRO_DISDIK;

import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.Nip;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives one case through a ledger with legal default bodies, one step per call; each body builder
 * is public so a test can mutate it into an illegal one. Dates advance by one day per step from the
 * opening unless a step says otherwise.
 *
 * <p>Defaults: a Pilkada 2024 report received by Bawaslu Lampung about a teacher of Metro's
 * education office (PPK: the city of Metro, a regional government), verified by BKN, assessed by
 * Bawaslu Lampung, forwarded to and recommended by BKN (the authority after 2024-06-13).
 */
public final class CaseScript {
  public final TestLedger t;
  public final String id;
  public final String subject;
  public AgencyCode intake = BAWASLU_LAMPUNG;
  public AgencyCode verifier = BKN;
  public AgencyCode assessor = BAWASLU_LAMPUNG;
  public AgencyCode authority = BKN;
  public AgencyCode ppk = METRO;
  public AgencyCode unit = METRO_DISDIK;
  public String election = "PILKADA-2024";
  public LocalDate day = LocalDate.of(2024, 10, 1);
  public Position decision;
  public Position appeal;
  public Position opening;
  private int serial;

  public CaseScript(TestLedger t, String id) {
    this.t = t;
    this.id = id;
    this.subject = "case/" + id;
  }

  public static PersonRef person(String nip) {
    try {
      return PersonRef.derive(
          "a test pseudonymisation key, 32+ bytes long".getBytes(StandardCharsets.UTF_8),
          Nip.parse(nip));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The case's current state. */
  public CaseState state() {
    return t.state().caseState(Subject.ofCase(id)).orElseThrow();
  }

  /** The next date, one day after the last. */
  public LocalDate next() {
    day = day.plusDays(1);
    return day;
  }

  /** A letter number without a year, unique per call. */
  public String number() {
    return "800/" + (++serial) + "/" + id.replace('_', '-');
  }

  public Outcome.Accepted accept(AgencyCode by, String type, ObjectNode body) {
    return t.accept(by, type, subject, body);
  }

  public Rejection reject(AgencyCode by, String type, ObjectNode body) {
    return t.reject(by, type, subject, body);
  }

  // --- bodies --------------------------------------------------------------------------------

  public ObjectNode reported() {
    return J.o(
        "ref", person("198503302010122001").text(),
        "unit", unit.value(),
        "name", J.digest(id + "/name"),
        "nip", J.digest(id + "/nip"),
        "position", J.digest(id + "/position"));
  }

  public ObjectNode reportBody(String stage, String alleged) {
    LocalDate occurred = day;
    ObjectNode b =
        J.o(
            "election", election,
            "channel", "SIGAPLAPOR",
            "receivedOn", occurred.plusDays(2),
            "knownOn", occurred.plusDays(1),
            "occurredOn", occurred,
            "place", J.digest(id + "/place"),
            "description", J.digest(id + "/description"),
            "candidateStage", stage,
            "reporter",
                J.o(
                    "name", J.digest(id + "/reporter"),
                    "contact", J.digest(id + "/contact"),
                    "nik", J.digest(id + "/nik")),
            "reported", reported());
    return alleged == null ? b : J.with(b, "allegedForm", alleged);
  }

  public ObjectNode findBody(String stage, String alleged) {
    ObjectNode b =
        J.o(
            "election", election,
            "foundOn", day.plusDays(1),
            "occurredOn", day,
            "place", J.digest(id + "/place"),
            "description", J.digest(id + "/description"),
            "candidateStage", stage,
            "reported", reported());
    return alleged == null ? b : J.with(b, "allegedForm", alleged);
  }

  public ObjectNode registerBody() {
    return J.o("number", number(), "registeredOn", next());
  }

  public ObjectNode verifyBody() {
    return J.o("verifiedOn", next());
  }

  public ObjectNode clarifyBody() {
    return J.o(
        "clarifiedOn", next(), "party", "REPORTED", "minutesDigest", J.doc(id + "/bap" + day));
  }

  public ObjectNode assessBody(String stage, String... forms) {
    return J.o(
        "assessedOn", next(),
        "outcome", "VIOLATION",
        "candidateStage", stage,
        "forms", J.a((Object[]) forms),
        "reportDigest", J.doc(id + "/kajian"));
  }

  public ObjectNode forwardBody() {
    return J.o("number", number(), "forwardedOn", next(), "to", authority.value());
  }

  public ObjectNode recommendBody(String track, String level) {
    return J.o(
        "number", number(),
        "recommendedOn", next(),
        "track", track,
        "level", level,
        "articles", J.a("PP 94/2021 Pasal 5 huruf n"),
        "addressedTo", ppk.value());
  }

  public ObjectNode summonBody() {
    LocalDate on = next();
    return J.o("number", number(), "summonedOn", on, "hearingOn", on.plusDays(3));
  }

  public ObjectNode examineBody(boolean byTeam) {
    day = day.plusDays(3);
    return J.o(
        "examinedOn",
        day,
        "byTeam",
        byTeam,
        "attended",
        true,
        "minutesDigest",
        J.doc(id + "/exam" + day));
  }

  public ObjectNode decideBody(String level, String form, Integer months) {
    LocalDate on = next();
    ObjectNode b =
        J.o("number", number(), "decidedOn", on, "level", level, "form", form, "effectiveOn", on);
    return months == null ? b : J.with(b, "durationMonths", months);
  }

  public ObjectNode deliverBody() {
    return J.o("decision", decision, "deliveredOn", next());
  }

  public ObjectNode appealBody(String kind) {
    return J.o("decision", decision, "kind", kind, "number", number(), "filedOn", next());
  }

  public ObjectNode inForceBody() {
    CaseState s = state();
    day = s.delivery().orElseThrow().appealDueOn().plusDays(1);
    return J.o("decision", decision, "inForceOn", day);
  }

  public ObjectNode servedBody() {
    CaseState.Sanction s = state().sanction().orElseThrow();
    LocalDate end = s.effectiveOn().plusMonths(s.durationMonths());
    day = end.isAfter(day) ? end : day.plusDays(1);
    return J.o("servedOn", day);
  }

  public ObjectNode closeBody(String reason) {
    return J.o("closedOn", next(), "reason", reason);
  }

  // --- steps ---------------------------------------------------------------------------------

  public CaseScript report() {
    return report("CANDIDATE", null);
  }

  public CaseScript report(String stage, String alleged) {
    opening = t.nextPosition();
    accept(intake, "case.reported", reportBody(stage, alleged));
    day = day.plusDays(2);
    return this;
  }

  public CaseScript found(AgencyCode finder, String stage, String alleged) {
    intake = finder;
    assessor = finder;
    opening = t.nextPosition();
    accept(finder, "case.found", findBody(stage, alleged));
    day = day.plusDays(1);
    return this;
  }

  public CaseScript registered() {
    accept(intake, "case.registered", registerBody());
    return this;
  }

  public CaseScript verified() {
    accept(verifier, "case.verified", verifyBody());
    return this;
  }

  public CaseScript clarified() {
    accept(assessor, "case.clarified", clarifyBody());
    return this;
  }

  public CaseScript assessed(String stage, String... forms) {
    accept(assessor, "case.assessed", assessBody(stage, forms));
    return this;
  }

  public CaseScript forwarded() {
    accept(assessor, "case.forwarded", forwardBody());
    return this;
  }

  public CaseScript recommended(String track, String level) {
    accept(authority, "case.recommended", recommendBody(track, level));
    return this;
  }

  public CaseScript summoned() {
    accept(unit, "case.summoned", summonBody());
    return this;
  }

  public CaseScript examined(boolean byTeam) {
    accept(unit, "case.examined", examineBody(byTeam));
    return this;
  }

  public CaseScript decided(String level, String form, Integer months) {
    decision = t.nextPosition();
    accept(ppk, "case.sanction-decided", decideBody(level, form, months));
    return this;
  }

  public CaseScript delivered() {
    accept(unit, "case.decision-delivered", deliverBody());
    return this;
  }

  public CaseScript appealed(String kind) {
    appeal = t.nextPosition();
    AgencyCode body = kind.equals("ADMINISTRATIVE_APPEAL") ? BPASN : ppk;
    accept(body, "case.appeal-filed", appealBody(kind));
    return this;
  }

  public CaseScript inForce() {
    accept(unit, "case.in-force", inForceBody());
    return this;
  }

  public CaseScript served() {
    accept(unit, "case.served", servedBody());
    return this;
  }

  public CaseScript closed(AgencyCode by, String reason) {
    accept(by, "case.closed", closeBody(reason));
    return this;
  }

  /** Report to recommendation on the discipline track for DIS-N3 (heavy). */
  public CaseScript toRecommended() {
    return report()
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "DIS-N3")
        .forwarded()
        .recommended("DISCIPLINE", "BERAT");
  }

  /** Report to decision: DIS-N1 (medium), a 25% allowance cut for 6 months. */
  public CaseScript toDecidedMedium() {
    return report()
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "DIS-N1")
        .forwarded()
        .recommended("DISCIPLINE", "SEDANG")
        .summoned()
        .examined(false)
        .decided("SEDANG", "ALLOWANCE_CUT_25", 6);
  }
}
