package id.saksi.core.domain.caseflow;

import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.rule.Rule;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every record type in every state: where the workflow does not allow it, it is rejected under its
 * from-state rule (or case.unique, or case.open once closed), naming the case and its state, and
 * nothing changes. The allowed transitions are exercised by CaseFlowTest and the property test.
 */
class TransitionMatrixTest {
  private static TestLedger t;
  private static final Map<CaseStatus, String> CASES = new EnumMap<>(CaseStatus.class);

  /** A body of {@code type} that parses; its contents do not matter for the state check. */
  static ObjectNode sample(String type) {
    return sample(t, type);
  }

  /** A body of {@code type} that parses, with opening bodies built on {@code ledger}. */
  static ObjectNode sample(TestLedger ledger, String type) {
    String d = "2024-10-20";
    switch (type) {
      case "case.reported":
        return new CaseScript(ledger, "X").reportBody("CANDIDATE", null);
      case "case.found":
        return new CaseScript(ledger, "X").findBody("CANDIDATE", null);
      case "case.registered":
        return J.o("number", "1/X", "registeredOn", d);
      case "case.not-registered":
        return J.o("decidedOn", d, "reason", "OTHER");
      case "case.verified":
        return J.o("verifiedOn", d);
      case "case.clarified":
        return J.o("clarifiedOn", d, "party", "WITNESS", "minutesDigest", J.doc("m"));
      case "case.assessment-extended":
        return J.o("extendedOn", d);
      case "case.assessed":
        return J.o(
            "assessedOn",
            d,
            "outcome",
            "VIOLATION",
            "candidateStage",
            "CANDIDATE",
            "forms",
            J.a("DIS-N1"),
            "reportDigest",
            J.doc("k"));
      case "case.forwarded":
        return J.o("number", "1/X", "forwardedOn", d, "to", "BKN");
      case "case.recommended":
        return J.o(
            "number", "1/X",
            "recommendedOn", d,
            "track", "DISCIPLINE",
            "level", "SEDANG",
            "articles", J.a("a"),
            "addressedTo", "PEMKOT-METRO");
      case "case.summoned":
        return J.o("number", "1/X", "summonedOn", d, "hearingOn", d);
      case "case.examined":
        return J.o("examinedOn", d, "byTeam", true, "attended", true, "minutesDigest", J.doc("e"));
      case "case.sanction-decided":
        return J.o(
            "number",
            "1/X",
            "decidedOn",
            d,
            "level",
            "SEDANG",
            "form",
            "ALLOWANCE_CUT_25",
            "durationMonths",
            6,
            "effectiveOn",
            d);
      case "case.decision-delivered":
        return J.o("decision", 1, "deliveredOn", d);
      case "case.appeal-filed":
        return J.o("decision", 1, "kind", "OBJECTION", "number", "1/X", "filedOn", d);
      case "case.appeal-answered":
        return J.o("appeal", 1, "number", "1/X", "answeredOn", d);
      case "case.appeal-decided":
        return J.o("appeal", 1, "number", "1/X", "decidedOn", d, "outcome", "UPHELD");
      case "case.in-force":
        return J.o("decision", 1, "inForceOn", d);
      case "case.served":
        return J.o("servedOn", d);
      case "case.discipline-recorded":
        return J.o("recordedOn", d, "registerEntry", "IDIS-1");
      case "case.reminder-sent":
        return J.o("number", "1/X", "sentOn", d);
      case "case.regional-head-reprimanded":
        return J.o("number", "1/X", "reprimandedOn", d);
      case "case.personnel-blocked":
        return J.o("number", "1/X", "blockedOn", d);
      case "case.personnel-unblocked":
        return J.o("number", "1/X", "unblockedOn", d, "reason", "OTHER");
      case "case.corrected":
        return J.o("corrects", 1, "reason", "OTHER", "changes", J.o("number", "2/X"));
      case "case.closed":
        return J.o("closedOn", d, "reason", "SUBJECT_LEFT_SERVICE");
      default:
        throw new AssertionError(type);
    }
  }

  @BeforeAll
  static void casesInEveryState() {
    t = TestLedger.standard();
    CASES.put(CaseStatus.RECEIVED, new CaseScript(t, "S-RECEIVED").report().id);
    CASES.put(CaseStatus.REGISTERED, new CaseScript(t, "S-REGISTERED").report().registered().id);
    CASES.put(
        CaseStatus.VERIFIED, new CaseScript(t, "S-VERIFIED").report().registered().verified().id);
    CASES.put(
        CaseStatus.CLARIFIED,
        new CaseScript(t, "S-CLARIFIED").report().registered().verified().clarified().id);
    CaseScript assessed =
        new CaseScript(t, "S-ASSESSED")
            .report()
            .registered()
            .verified()
            .clarified()
            .assessed("CANDIDATE", "DIS-N1");
    CASES.put(CaseStatus.ASSESSED, assessed.id);
    CaseScript noViolation =
        new CaseScript(t, "S-NO_VIOLATION").report().registered().verified().clarified();
    noViolation.accept(
        noViolation.assessor,
        "case.assessed",
        J.o(
            "assessedOn", noViolation.next(),
            "outcome", "NO_VIOLATION",
            "candidateStage", "CANDIDATE",
            "forms", J.a(),
            "reportDigest", J.doc("k")));
    CASES.put(CaseStatus.NO_VIOLATION, noViolation.id);
    CaseScript referred =
        new CaseScript(t, "S-REFERRED").report().registered().verified().clarified();
    referred.accept(
        referred.assessor,
        "case.assessed",
        J.o(
            "assessedOn",
            referred.next(),
            "outcome",
            "OTHER_LAW",
            "candidateStage",
            "CANDIDATE",
            "forms",
            J.a(),
            "referredTo",
            "Komisi Informasi",
            "reportDigest",
            J.doc("k")));
    CASES.put(CaseStatus.REFERRED, referred.id);
    CASES.put(
        CaseStatus.FORWARDED,
        new CaseScript(t, "S-FORWARDED")
            .report()
            .registered()
            .verified()
            .clarified()
            .assessed("CANDIDATE", "DIS-N1")
            .forwarded()
            .id);
    CASES.put(CaseStatus.RECOMMENDED, new CaseScript(t, "S-RECOMMENDED").toRecommended().id);
    CASES.put(CaseStatus.SUMMONED, new CaseScript(t, "S-SUMMONED").toRecommended().summoned().id);
    CASES.put(
        CaseStatus.EXAMINED,
        new CaseScript(t, "S-EXAMINED").toRecommended().summoned().examined(true).id);
    CASES.put(CaseStatus.DECIDED, new CaseScript(t, "S-DECIDED").toDecidedMedium().id);
    CASES.put(
        CaseStatus.APPEAL_WINDOW,
        new CaseScript(t, "S-APPEAL_WINDOW").toDecidedMedium().delivered().id);
    CASES.put(
        CaseStatus.APPEALED,
        new CaseScript(t, "S-APPEALED").toDecidedMedium().delivered().appealed("OBJECTION").id);
    CaseScript annulled =
        new CaseScript(t, "S-ANNULLED").toDecidedMedium().delivered().appealed("OBJECTION");
    annulled.accept(
        METRO,
        "case.appeal-decided",
        J.o(
            "appeal",
            annulled.appeal,
            "number",
            annulled.number(),
            "decidedOn",
            annulled.next(),
            "outcome",
            "ANNULLED"));
    CASES.put(CaseStatus.ANNULLED, annulled.id);
    CASES.put(
        CaseStatus.IN_FORCE,
        new CaseScript(t, "S-IN_FORCE").toDecidedMedium().delivered().inForce().id);
    CASES.put(
        CaseStatus.SERVED,
        new CaseScript(t, "S-SERVED").toDecidedMedium().delivered().inForce().served().id);
    CASES.put(
        CaseStatus.CLOSED,
        new CaseScript(t, "S-CLOSED").report().registered().closed(BKN, "NOT_VERIFIED").id);
  }

  @Test
  void everyStateIsReached() {
    assertThat(CASES.keySet()).containsExactlyInAnyOrder(CaseStatus.values());
    for (Map.Entry<CaseStatus, String> e : CASES.entrySet()) {
      assertThat(
              t.state()
                  .caseState(id.saksi.core.domain.Subject.ofCase(e.getValue()))
                  .orElseThrow()
                  .status())
          .isEqualTo(e.getKey());
    }
  }

  @Test
  void everyTypeOutsideItsStates_rejectedUnderItsRule() throws RecordParseException {
    int rejected = 0;
    for (CaseStatus status : CaseStatus.values()) {
      String subject = "case/" + CASES.get(status);
      for (String type : CaseRules.types()) {
        boolean opening = type.equals("case.reported") || type.equals("case.found");
        boolean allowed = CaseRules.from(type).contains(status) && !opening;
        if (status == CaseStatus.CLOSED && !type.equals("case.corrected")) {
          allowed = false;
        }
        if (allowed) {
          continue;
        }
        ObjectNode body = sample(type);
        DomainModel.parse(type, subject, body);
        Rejection r = t.reject(BKN, type, subject, body);
        Rule expected =
            opening
                ? CaseRules.UNIQUE
                : status == CaseStatus.CLOSED ? CaseRules.OPEN : CaseRules.fromState(type);
        assertThat(r.rule()).as("%s in %s", type, status).isEqualTo(expected);
        assertThat(r.source()).isEqualTo(expected.source());
        assertThat(r.state()).isEqualTo(status.name());
        assertThat(r.subject().text()).isEqualTo(subject);
        rejected++;
      }
    }
    // 18 states x 26 types, minus the allowed pairs.
    assertThat(rejected).isGreaterThan(350);
  }

  @Test
  void fromState_messageNamesTheAllowedStatesAndTheNextStep() {
    Rejection r = t.reject(BKN, "case.verified", "case/S-RECEIVED", sample("case.verified"));

    assertThat(r.message())
        .isEqualTo(
            "case.verified cannot follow state RECEIVED; it follows REGISTERED (from RECEIVED the"
                + " next step is case.registered or case.not-registered)");
  }

  @Test
  void closedCase_onlyCorrectionsFollow() {
    Rejection r = t.reject(BKN, "case.verified", "case/S-CLOSED", sample("case.verified"));

    assertThat(r.rule()).isEqualTo(CaseRules.OPEN);
    assertThat(r.message())
        .isEqualTo(
            "case/S-CLOSED was closed (NOT_VERIFIED, "
                + t.state()
                    .caseState(id.saksi.core.domain.Subject.ofCase("S-CLOSED"))
                    .orElseThrow()
                    .closure()
                    .orElseThrow()
                    .closedOn()
                + "); only case.corrected may follow");
  }

  @Test
  void recordOnAMissingCase_rejected() {
    Rejection r = t.reject(BKN, "case.verified", "case/NOPE", sample("case.verified"));

    assertThat(r.rule()).isEqualTo(CaseRules.EXISTS);
    assertThat(r.state()).isEqualTo("NONE");
    assertThat(r.message())
        .isEqualTo("case/NOPE does not exist; open it with case.reported or case.found");
  }
}
