package id.saksi.core.domain.caseflow;

import static id.saksi.core.domain.testing.TestLedger.BAWASLU;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.BPASN;
import static id.saksi.core.domain.testing.TestLedger.KASN;
import static id.saksi.core.domain.testing.TestLedger.KEMENDAGRI;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.catalogue.AppealRoute;
import id.saksi.core.domain.catalogue.CandidateStage;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Whole legal cases, DOMAIN.md steps 1 to 8, one path per test. */
class CaseFlowTest {
  @Test
  void disciplinePath_reportToServedAndClosed() {
    CaseScript c = new CaseScript(TestLedger.standard(), "LPG-2024-001");

    c.toDecidedMedium();
    CaseState decided = c.state();
    assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
    assertThat(decided.opening().ppk()).isEqualTo(METRO);
    assertThat(decided.sanction().orElseThrow().appealRoute()).isEqualTo(AppealRoute.OBJECTION);
    assertThat(decided.sanction().orElseThrow().followsRecommendation()).isTrue();
    // Decided Monday 2024-10-14: 14 working days later is Friday 2024-11-01.
    assertThat(decided.sanction().orElseThrow().decidedOn()).isEqualTo(LocalDate.of(2024, 10, 14));
    assertThat(decided.sanction().orElseThrow().deliveryDueOn())
        .isEqualTo(LocalDate.of(2024, 11, 1));

    c.delivered();
    assertThat(c.state().status()).isEqualTo(CaseStatus.APPEAL_WINDOW);
    c.inForce().served();
    assertThat(c.state().status()).isEqualTo(CaseStatus.SERVED);
    c.closed(METRO, "SERVED");

    CaseState s = c.state();
    assertThat(s.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(s.closure().orElseThrow().reason()).isEqualTo(ClosureReason.SERVED);
    assertThat(s.log().entries())
        .extracting(RecordLog.Entry::type)
        .containsExactly(
            "case.reported",
            "case.registered",
            "case.verified",
            "case.clarified",
            "case.assessed",
            "case.forwarded",
            "case.recommended",
            "case.summoned",
            "case.examined",
            "case.sanction-decided",
            "case.decision-delivered",
            "case.in-force",
            "case.served",
            "case.closed");
  }

  @Test
  void registration_computesDeadlinesFromTheCatalogue() {
    CaseScript c = new CaseScript(TestLedger.standard(), "C-DL");
    c.report().registered();

    CaseState.Registration r = c.state().registration().orElseThrow();
    // Registered 2024-10-04; Pilkada: verification 7 days, assessment 3 days.
    assertThat(r.registeredOn()).isEqualTo(LocalDate.of(2024, 10, 4));
    assertThat(r.verificationDueOn()).isEqualTo(LocalDate.of(2024, 10, 11));
    assertThat(r.assessmentDueOn()).isEqualTo(LocalDate.of(2024, 10, 7));
  }

  @Test
  void ethicsPath_findingToMoralSanction_withoutExamination() {
    TestLedger t = TestLedger.standard();
    CaseScript c = new CaseScript(t, "ETH-001");
    c.day = LocalDate.of(2024, 8, 1);

    c.found(BAWASLU, "PROSPECTIVE_CANDIDATE", "ETH-3")
        .registered()
        .verified()
        .clarified()
        .assessed("PROSPECTIVE_CANDIDATE", "ETH-3");
    c.assessor = BAWASLU;
    c.forwarded().recommended("ETHICS", "MORAL").decided("MORAL", "MORAL_OPEN", null).delivered();

    CaseState s = c.state();
    assertThat(s.delivery().orElseThrow().appealDueOn())
        .isEqualTo(s.delivery().orElseThrow().deliveredOn());
    c.inForce().served().closed(METRO, "SERVED");
    assertThat(c.state().opening().origin()).isEqualTo(Origin.FINDING);
  }

  @Test
  void partyMembership_dismissalAppealedToBpasnAndUpheld() {
    CaseScript c = new CaseScript(TestLedger.standard(), "PARTY-01");
    c.report("CANDIDATE", "PARTY")
        .registered()
        .verified()
        .clarified()
        .assessed("PROSPECTIVE_CANDIDATE", "PARTY")
        .forwarded()
        .recommended("DISMISSAL", "PTDH")
        .summoned()
        .examined(true)
        .decided("PTDH", "DISMISSAL_WITHOUT_HONOUR", null)
        .delivered()
        .appealed("ADMINISTRATIVE_APPEAL");
    CaseState appealed = c.state();
    assertThat(appealed.appeal().orElseThrow().answerDueOn())
        .contains(appealed.appeal().orElseThrow().filedOn().plusDays(21));

    c.accept(
        METRO,
        "case.appeal-answered",
        J.o("appeal", c.appeal, "number", c.number(), "answeredOn", c.next()));
    c.accept(
        BPASN,
        "case.appeal-decided",
        J.o("appeal", c.appeal, "number", c.number(), "decidedOn", c.next(), "outcome", "UPHELD"));

    CaseState s = c.state();
    assertThat(s.status()).isEqualTo(CaseStatus.IN_FORCE);
    assertThat(s.appeal().orElseThrow().outcome()).contains(AppealOutcome.UPHELD);
    assertThat(s.enforcement().inForceOn()).contains(c.day);
    c.accept(
        BKN,
        "case.discipline-recorded",
        J.o("recordedOn", c.next(), "registerEntry", "IDIS-2024-77"));
    c.served().closed(METRO, "SERVED");
  }

  @Test
  void objection_modifiedToALighterSanction() {
    CaseScript c = new CaseScript(TestLedger.standard(), "OBJ-01");
    c.toDecidedMedium().delivered().appealed("OBJECTION");

    c.accept(
        METRO,
        "case.appeal-decided",
        J.o(
            "appeal", c.appeal,
            "number", c.number(),
            "decidedOn", c.next(),
            "outcome", "MODIFIED",
            "modified",
                J.o(
                    "level",
                    "SEDANG",
                    "form",
                    "ALLOWANCE_CUT_25",
                    "durationMonths",
                    9,
                    "effectiveOn",
                    c.day)));

    CaseState.Sanction s = c.state().sanction().orElseThrow();
    assertThat(s.durationMonths()).isEqualTo(9);
    assertThat(s.decisionAt()).isEqualTo(c.decision);
    assertThat(c.state().status()).isEqualTo(CaseStatus.IN_FORCE);
  }

  @Test
  void objection_annulled_thenClosedAsAnnulled() {
    CaseScript c = new CaseScript(TestLedger.standard(), "OBJ-02");
    c.toDecidedMedium().delivered().appealed("OBJECTION");
    c.accept(
        METRO,
        "case.appeal-decided",
        J.o(
            "appeal",
            c.appeal,
            "number",
            c.number(),
            "decidedOn",
            c.next(),
            "outcome",
            "ANNULLED"));

    assertThat(c.state().status()).isEqualTo(CaseStatus.ANNULLED);
    c.closed(METRO, "ANNULLED");
    assertThat(c.state().closure().orElseThrow().reason()).isEqualTo(ClosureReason.ANNULLED);
  }

  @Test
  void overdueBranch_reminderReprimandBlockThenDecisionAndUnblock() {
    CaseScript c = new CaseScript(TestLedger.standard(), "LATE-01");
    c.toRecommended();
    CaseState.Recommendation rec = c.state().recommendation().orElseThrow();
    // No due date in the recommendation: the catalogue's 30 days apply.
    assertThat(rec.dueOn()).isEqualTo(rec.recommendedOn().plusDays(30));
    c.day = rec.dueOn();

    c.accept(BKN, "case.reminder-sent", J.o("number", c.number(), "sentOn", c.next()));
    c.accept(
        KEMENDAGRI,
        "case.regional-head-reprimanded",
        J.o("number", c.number(), "reprimandedOn", c.next()));
    c.accept(BKN, "case.personnel-blocked", J.o("number", c.number(), "blockedOn", c.next()));
    CaseState blocked = c.state();
    assertThat(blocked.status()).isEqualTo(CaseStatus.RECOMMENDED);
    assertThat(blocked.overdue().reminders()).isEqualTo(1);
    assertThat(blocked.overdue().blocked()).isTrue();

    c.summoned().examined(true).decided("BERAT", "DEMOTION_12M", 12);
    c.accept(
        BKN,
        "case.personnel-unblocked",
        J.o("number", c.number(), "unblockedOn", c.next(), "reason", "PPK_ACTED"));
    assertThat(c.state().overdue().blocked()).isFalse();
    c.delivered().inForce().served().closed(METRO, "SERVED");
  }

  @Test
  void pemilu2024_recommendedByKasnBeforeTheHandOver() {
    TestLedger t = TestLedger.standard();
    CaseScript c = new CaseScript(t, "PEMILU-01");
    c.election = "PEMILU-2024";
    c.authority = KASN;
    c.day = LocalDate.of(2024, 2, 1);

    c.report()
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "DIS-N4")
        .forwarded()
        .recommended("DISCIPLINE", "BERAT");

    assertThat(c.state().recommendation().orElseThrow().authority()).isEqualTo(KASN);
  }

  @Test
  void notRegistered_closesTheCase() {
    CaseScript c = new CaseScript(TestLedger.standard(), "NR-01");
    c.report();

    c.accept(c.intake, "case.not-registered", J.o("decidedOn", c.next(), "reason", "NOT_ASN"));

    CaseState.Closure closure = c.state().closure().orElseThrow();
    assertThat(closure.reason()).isEqualTo(ClosureReason.NOT_REGISTERED);
    assertThat(closure.notRegisteredReason()).contains(NotRegisteredReason.NOT_ASN);
  }

  @Test
  void closures_eachReasonFromItsState() {
    TestLedger t = TestLedger.standard();
    new CaseScript(t, "CL-1").report().registered().closed(BKN, "NOT_VERIFIED");
    CaseScript noViolation = new CaseScript(t, "CL-2").report().registered().verified().clarified();
    noViolation.accept(
        noViolation.assessor,
        "case.assessed",
        J.o(
            "assessedOn", noViolation.next(),
            "outcome", "NO_VIOLATION",
            "candidateStage", "CANDIDATE",
            "forms", J.a(),
            "reportDigest", J.doc("k")));
    assertThat(noViolation.state().status()).isEqualTo(CaseStatus.NO_VIOLATION);
    noViolation.closed(noViolation.assessor, "NO_VIOLATION");
    CaseScript referred = new CaseScript(t, "CL-3").report().registered().verified().clarified();
    referred.accept(
        referred.assessor,
        "case.assessed",
        J.o(
            "assessedOn",
            referred.next(),
            "outcome",
            "CRIMINAL",
            "candidateStage",
            "CANDIDATE",
            "forms",
            J.a(),
            "referredTo",
            "Sentra Gakkumdu Kota Metro",
            "reportDigest",
            J.doc("k")));
    assertThat(referred.state().status()).isEqualTo(CaseStatus.REFERRED);
    referred.closed(referred.assessor, "REFERRED");
    CaseScript dup = new CaseScript(t, "CL-4").report();
    dup.accept(
        dup.intake,
        "case.closed",
        J.o("closedOn", dup.next(), "reason", "DUPLICATE", "duplicateOf", "CL-1"));
    new CaseScript(t, "CL-5")
        .toRecommended()
        .closed(TestLedger.BAWASLU_LAMPUNG, "RECORDED_IN_ERROR");
    new CaseScript(t, "CL-6")
        .toRecommended()
        .summoned()
        .examined(true)
        .closed(METRO, "EXAMINATION_NO_VIOLATION");
    new CaseScript(t, "CL-7").toDecidedMedium().closed(BKN, "SUBJECT_LEFT_SERVICE");

    for (int i = 1; i <= 7; i++) {
      assertThat(
              t.state()
                  .caseState(id.saksi.core.domain.Subject.ofCase("CL-" + i))
                  .orElseThrow()
                  .status())
          .isEqualTo(CaseStatus.CLOSED);
    }
  }

  @Test
  void assessmentExtended_onceToTheLawsLongerPeriod() {
    CaseScript c = new CaseScript(TestLedger.standard(), "EXT-01");
    c.election = "PEMILU-2024";
    c.authority = KASN;
    c.day = LocalDate.of(2024, 1, 2);
    c.report().registered().verified();

    c.accept(c.assessor, "case.assessment-extended", J.o("extendedOn", c.next()));

    CaseState.Registration r = c.state().registration().orElseThrow();
    // Registered Friday 2024-01-05: 14 working days later is 2024-01-25.
    assertThat(r.extended()).isTrue();
    assertThat(r.assessmentDueOn()).isEqualTo(LocalDate.of(2024, 1, 25));
  }

  @Test
  void lateVerificationAndAssessment_acceptedAndFlagged() {
    CaseScript c = new CaseScript(TestLedger.standard(), "FLAG-01");
    c.report().registered();
    c.day = c.day.plusDays(20);
    c.verified().clarified();
    Outcome.Accepted a = c.accept(c.assessor, "case.assessed", c.assessBody("CANDIDATE", "DIS-N1"));

    assertThat(c.state().inquiry().verifiedLate()).isTrue();
    assertThat(((CaseAssessedEvent) a.events().get(0)).late()).isTrue();
    assertThat(c.state().assessment().orElseThrow().stage()).isEqualTo(CandidateStage.CANDIDATE);
  }

  @Test
  void correction_ofTheReportedIdentity_keepsTheOriginal() {
    CaseScript c = new CaseScript(TestLedger.standard(), "COR-01");
    c.report().registered();

    Outcome.Accepted a =
        c.accept(
            c.intake,
            "case.corrected",
            J.o(
                "corrects",
                c.opening,
                "reason",
                "WRONG_IDENTITY",
                "changes",
                J.o(
                    "reported.nip", J.digest("corrected nip"),
                    "reported.ref", CaseScript.person("197001012000031999").text())));

    assertThat(((RecordCorrectedEvent) a.events().get(0)).correctedType())
        .isEqualTo("case.reported");
    assertThat(c.state().status()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(c.state().log().size()).isEqualTo(3);
  }

  @Test
  void correction_afterClosure_accepted() {
    CaseScript c = new CaseScript(TestLedger.standard(), "COR-02");
    c.report().registered().closed(BKN, "NOT_VERIFIED");

    c.accept(
        c.intake,
        "case.corrected",
        J.o(
            "corrects",
            c.opening.value() + 1,
            "reason",
            "CLERICAL_ERROR",
            "changes",
            J.o("number", "800/77/BAWASLU")));

    assertThat(c.state().status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void forwardedToKasn_fileMovesToBknAfterTheHandOver() {
    CaseScript c = new CaseScript(TestLedger.standard(), "HANDOVER-01");
    c.election = "PEMILU-2024";
    c.authority = KASN;
    c.day = LocalDate.of(2024, 6, 1);
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N2").forwarded();
    c.day = LocalDate.of(2024, 6, 20);
    c.authority = BKN;

    c.recommended("DISCIPLINE", "SEDANG");

    assertThat(c.state().recommendation().orElseThrow().authority()).isEqualTo(BKN);
    assertThat(c.state().forwarding().orElseThrow().to()).isEqualTo(KASN);
  }
}
