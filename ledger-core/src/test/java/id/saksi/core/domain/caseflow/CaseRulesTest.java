package id.saksi.core.domain.caseflow;

import static id.saksi.core.domain.testing.Rejections.assertRejection;
import static id.saksi.core.domain.testing.TestLedger.BAWASLU;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.BPASN;
import static id.saksi.core.domain.testing.TestLedger.KASN;
import static id.saksi.core.domain.testing.TestLedger.KEMENDAGRI;
import static id.saksi.core.domain.testing.TestLedger.KEMENKEU;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static id.saksi.core.domain.testing.TestLedger.REGISTRAR;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.catalogue.DeadlineId;
import id.saksi.core.domain.catalogue.ElectionKind;
import id.saksi.core.domain.rule.CommonRules;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each rule of a case, broken once: rule, source, case, state, message, and nothing changed. */
class CaseRulesTest {
  private static final Catalogue V1 = Catalogues.bundled(1);

  private final TestLedger t = TestLedger.standard();
  private final CaseScript c = new CaseScript(t, "R-1");

  private void expect(Rejection r, id.saksi.core.domain.rule.Rule rule, String state, String msg) {
    assertRejection(r, rule, c.subject, state, msg);
  }

  private void expect(
      Rejection r, id.saksi.core.domain.rule.Rule rule, String source, String state, String msg) {
    assertRejection(r, rule, source, c.subject, state, msg);
  }

  // --- opening -------------------------------------------------------------------------------

  @Test
  void unique_secondOpeningOfACaseId() {
    c.report();
    expect(
        c.reject(c.intake, "case.reported", c.reportBody("CANDIDATE", null)),
        CaseRules.UNIQUE,
        "RECEIVED",
        "case/R-1 already exists (opened at position 30); choose a new case ID");
  }

  @Test
  void electionKnown_electionNotInTheCatalogue() {
    c.election = "PILKADA-2029";
    expect(
        c.reject(c.intake, "case.reported", c.reportBody("CANDIDATE", null)),
        CaseRules.ELECTION_KNOWN,
        "catalogue saksi.neutrality v1, elections",
        "NONE",
        "election PILKADA-2029 is not in catalogue saksi.neutrality v1; elections: PEMILU-2024,"
            + " PILKADA-2024");
  }

  @Test
  void unitRegistered_unknownUnit() {
    c.unit = AgencyCode.of("DINAS-NOWHERE");
    expect(
        c.reject(c.intake, "case.reported", c.reportBody("CANDIDATE", null)),
        CaseRules.UNIT_REGISTERED,
        "NONE",
        "the reported person's unit DINAS-NOWHERE is not a registered agency");
  }

  @Test
  void unitRegistered_noPpkAboveTheUnit() {
    c.unit = TestLedger.KPU_METRO;
    expect(
        c.reject(c.intake, "case.reported", c.reportBody("CANDIDATE", null)),
        CaseRules.UNIT_REGISTERED,
        "NONE",
        "no agency with a PPK is found at or above KPU-METRO; the registrar must register the"
            + " employing agency with ppk=true");
  }

  @Test
  void formKnown_allegedFormNotInTheCatalogue() {
    expect(
        c.reject(c.intake, "case.reported", c.reportBody("CANDIDATE", "DIS-N9")),
        CaseRules.FORM_KNOWN,
        "catalogue saksi.neutrality v1, violationForms",
        "NONE",
        "allegedForm names DIS-N9, which is not a form of catalogue saksi.neutrality v1; forms:"
            + " ETH-1, ETH-2, ETH-3, ETH-4, ETH-5, ETH-6, ETH-7, DIS-N1, DIS-N2, DIS-N3, DIS-N4,"
            + " DIS-N5, DIS-N6, DIS-N7, PARTY");
  }

  @Test
  void formStage_ethicsFormForAnOfficialCandidate() {
    expect(
        c.reject(c.intake, "case.reported", c.reportBody("CANDIDATE", "ETH-1")),
        CaseRules.FORM_STAGE,
        V1.violationForm("ETH-1").orElseThrow().ref(),
        "NONE",
        "ETH-1 applies at stage PROSPECTIVE_CANDIDATE, not CANDIDATE; for a CANDIDATE the act is a"
            + " different form");
  }

  @Test
  void formStage_disciplineFormAtAssessmentForAProspectiveCandidate() {
    c.report().registered().verified().clarified();
    expect(
        c.reject(c.assessor, "case.assessed", c.assessBody("PROSPECTIVE_CANDIDATE", "DIS-N2")),
        CaseRules.FORM_STAGE,
        V1.violationForm("DIS-N2").orElseThrow().ref(),
        "CLARIFIED",
        "DIS-N2 applies at stage CANDIDATE, not PROSPECTIVE_CANDIDATE; for a PROSPECTIVE_CANDIDATE"
            + " the act is a different form");
  }

  @Test
  void dates_knownBeforeTheActOccurred() {
    ObjectNode body = J.with(c.reportBody("CANDIDATE", null), "knownOn", "2024-09-30");
    expect(
        c.reject(c.intake, "case.reported", body),
        CommonRules.DATES_ORDERED,
        "NONE",
        "knownOn is 2024-09-30, before occurredOn (2024-10-01)");
  }

  @Test
  void dates_reportReceivedInTheFuture() {
    Rejection r =
        t.reject(
            c.intake,
            "case.reported",
            c.subject,
            c.reportBody("CANDIDATE", null),
            Instant.parse("2024-10-02T00:00:00Z"));
    expect(
        r,
        CommonRules.DATE_NOT_FUTURE,
        "NONE",
        "receivedOn is 2024-10-03, after the statement was issued (2024-10-02T00:00:00Z); a record"
            + " states what has happened");
  }

  // --- registration --------------------------------------------------------------------------

  @Test
  void reportInTime_lateReportIsNotRegistered() {
    ObjectNode late = J.with(c.reportBody("CANDIDATE", null), "receivedOn", "2024-10-10");
    c.accept(c.intake, "case.reported", late);
    c.day = LocalDate.of(2024, 10, 10);

    expect(
        c.reject(c.intake, "case.registered", c.registerBody()),
        CaseRules.REPORT_IN_TIME,
        V1.deadline(DeadlineId.REPORT_FILING, ElectionKind.PILKADA).ref(),
        "RECEIVED",
        "the report was received on 2024-10-10, after its deadline of 2024-10-09 (7 days from"
            + " 2024-10-02, when the violation became known); record case.not-registered with"
            + " reason LATE");
    c.accept(c.intake, "case.not-registered", J.o("decidedOn", c.next(), "reason", "LATE"));
  }

  @Test
  void reportInTime_pemiluCountsWorkingDays() {
    c.election = "PEMILU-2024";
    c.day = LocalDate.of(2024, 2, 5);
    // Known on 2024-02-06: 7 working days skip 8-11 and 14 February: the deadline is 2024-02-19.
    ObjectNode body = J.with(c.reportBody("CANDIDATE", null), "receivedOn", "2024-02-19");
    c.accept(c.intake, "case.reported", body);
    c.day = LocalDate.of(2024, 2, 19);

    c.registered();
  }

  @Test
  void findingInTime_findingSetTooLate() {
    c.found(BAWASLU, "CANDIDATE", null);
    c.day = c.day.plusDays(7);

    expect(
        c.reject(BAWASLU, "case.registered", c.registerBody()),
        CaseRules.FINDING_IN_TIME,
        V1.deadline(DeadlineId.FINDING_SETTING, ElectionKind.PILKADA).ref(),
        "RECEIVED",
        "the finding of 2024-10-02 is registered on 2024-10-10, after its deadline of 2024-10-09"
            + " (7 days); record case.not-registered with reason LATE");
  }

  @Test
  void letterNumberDate_registerNumberOfAnotherYear() {
    c.report();
    ObjectNode body = J.o("number", "001/PL.01/K.LA/10/2023", "registeredOn", c.next());
    expect(
        c.reject(c.intake, "case.registered", body),
        CommonRules.LETTER_NUMBER_DATE,
        "RECEIVED",
        "the number 001/PL.01/K.LA/10/2023 carries the year 2023 but the letter is dated"
            + " 2024-10-04 (registeredOn); correct whichever was mistyped");
  }

  @Test
  void datesOrdered_registeredBeforeTheReportArrived() {
    c.report();
    ObjectNode body = J.o("number", c.number(), "registeredOn", "2024-10-02");
    expect(
        c.reject(c.intake, "case.registered", body),
        CommonRules.DATES_ORDERED,
        "RECEIVED",
        "registeredOn is 2024-10-02, before the case was opened (2024-10-03)");
  }

  // --- assessment ----------------------------------------------------------------------------

  @Test
  void extendOnce_secondExtension() {
    c.report().registered().verified();
    c.accept(c.assessor, "case.assessment-extended", J.o("extendedOn", c.next()));
    expect(
        c.reject(c.assessor, "case.assessment-extended", J.o("extendedOn", c.next())),
        CaseRules.EXTEND_ONCE,
        "VERIFIED",
        "the assessment period was already extended, to 2024-10-09");
  }

  @Test
  void extendAllowed_catalogueWithoutExtension() {
    ObjectNode v2 = (ObjectNode) Catalogues.bundledJson(1).deepCopy();
    v2.put("version", 2);
    for (tools.jackson.databind.JsonNode d : (ArrayNode) v2.get("deadlines")) {
      if (d.get("id").stringValue().equals("ASSESSMENT")) {
        ((ObjectNode) d).remove("extension");
      }
    }
    t.accept(REGISTRAR, "catalogue.adopted", "registry", J.o("catalogue", v2));
    c.report().registered().verified();
    String source =
        t.state()
            .catalogue()
            .orElseThrow()
            .deadline(DeadlineId.ASSESSMENT, ElectionKind.PILKADA)
            .ref();

    expect(
        c.reject(c.assessor, "case.assessment-extended", J.o("extendedOn", c.next())),
        CaseRules.EXTEND_ALLOWED,
        source,
        "VERIFIED",
        "the assessment deadline for PILKADA cannot be extended");
    assertThat(source).startsWith("catalogue saksi.neutrality v2, deadlines ASSESSMENT PILKADA");
  }

  @Test
  void forwardToAuthority_forwardedToKasnAfterTheHandOver() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N1");
    c.authority = KASN;
    expect(
        c.reject(c.assessor, "case.forwarded", c.forwardBody()),
        CaseRules.FORWARD_TO_AUTHORITY,
        V1.authorities().get(1).ref(),
        "ASSESSED",
        "on 2024-10-08 the recommending authority is BKN, but KASN is KASN");
  }

  // --- recommendation ------------------------------------------------------------------------

  @Test
  void recommendForwardedTo_anotherBknOffice() {
    AgencyCode regional = AgencyCode.of("BKN-KANREG-V");
    t.agency(regional, AgencyKind.BKN, BKN, false);
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N1").forwarded();
    expect(
        c.reject(regional, "case.recommended", c.recommendBody("DISCIPLINE", "SEDANG")),
        CaseRules.RECOMMEND_FORWARDED_TO,
        "FORWARDED",
        "the case was forwarded to BKN; BKN-KANREG-V cannot recommend on it");
  }

  @Test
  void recommendTrack_ethicsTrackForADisciplineForm() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N3");
    expect(
        c.reject(BKN, "case.recommended", c.recommendBody("ETHICS", "MORAL")),
        CaseRules.RECOMMEND_TRACK,
        V1.violationForm("DIS-N3").orElseThrow().ref(),
        "ASSESSED",
        "track ETHICS is not the track of a proven form (DIS-N3); it is DISCIPLINE");
  }

  @Test
  void recommendLevel_mediumForAHeavyForm() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N3");
    expect(
        c.reject(BKN, "case.recommended", c.recommendBody("DISCIPLINE", "SEDANG")),
        CaseRules.RECOMMEND_LEVEL,
        V1.violationForm("DIS-N3").orElseThrow().ref(),
        "ASSESSED",
        "level SEDANG is not allowed for the proven forms; allowed: BERAT");
  }

  @Test
  void recommendAddressee_notThePpk() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N3");
    ObjectNode body = J.with(c.recommendBody("DISCIPLINE", "BERAT"), "addressedTo", "KEMENKEU");
    expect(
        c.reject(BKN, "case.recommended", body),
        CaseRules.RECOMMEND_ADDRESSEE,
        "ASSESSED",
        "the PPK of the reported civil servant is at PEMKOT-METRO; address the recommendation"
            + " there, not to KEMENKEU");
  }

  @Test
  void recommendDue_dueDateNotAfterTheRecommendation() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N3");
    ObjectNode body = c.recommendBody("DISCIPLINE", "BERAT");
    body.put("dueOn", body.get("recommendedOn").stringValue());
    expect(
        c.reject(BKN, "case.recommended", body),
        CaseRules.RECOMMEND_DUE,
        "ASSESSED",
        "dueOn 2024-10-08 is not after recommendedOn 2024-10-08");
  }

  // --- sanction ------------------------------------------------------------------------------

  @Test
  void sanctionLevel_mediumSanctionForAHeavyForm() {
    c.toRecommended().summoned().examined(true);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("SEDANG", "ALLOWANCE_CUT_25", 6)),
        CaseRules.SANCTION_LEVEL,
        V1.violationForm("DIS-N3").orElseThrow().ref(),
        "EXAMINED",
        "level SEDANG is not allowed for the proven forms (DIS-N3); allowed: BERAT");
  }

  @Test
  void sanctionLevel_ethicsCaseGetsAMoralSanctionOnly() {
    c.day = LocalDate.of(2024, 8, 1);
    c.report("PROSPECTIVE_CANDIDATE", "ETH-2")
        .registered()
        .verified()
        .clarified()
        .assessed("PROSPECTIVE_CANDIDATE", "ETH-2")
        .forwarded()
        .recommended("ETHICS", "MORAL")
        .summoned()
        .examined(true);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("BERAT", "DEMOTION_12M", 12)),
        CaseRules.SANCTION_LEVEL,
        V1.violationForm("ETH-2").orElseThrow().ref(),
        "EXAMINED",
        "level BERAT is not allowed for the proven forms (ETH-2); allowed: MORAL");
  }

  @Test
  void sanctionLevel_partyMembershipGetsDismissal() {
    c.report("CANDIDATE", "PARTY")
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "PARTY")
        .forwarded()
        .recommended("DISMISSAL", "PTDH")
        .summoned()
        .examined(true);
    expect(
        c.reject(
            METRO, "case.sanction-decided", c.decideBody("BERAT", "HONOURABLE_DISMISSAL", null)),
        CaseRules.SANCTION_LEVEL,
        V1.violationForm("PARTY").orElseThrow().ref(),
        "EXAMINED",
        "level BERAT is not allowed for the proven forms (PARTY); allowed: PTDH");
  }

  @Test
  void sanctionForm_formOfAnotherLevel() {
    c.toRecommended().summoned().examined(true);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("BERAT", "ALLOWANCE_CUT_25", 6)),
        CaseRules.SANCTION_FORM,
        V1.sanctionForm("ALLOWANCE_CUT_25").orElseThrow().ref(),
        "EXAMINED",
        "form ALLOWANCE_CUT_25 is of level SEDANG, not BERAT");
  }

  @Test
  void sanctionForm_unknownForm() {
    c.toRecommended().summoned().examined(true);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("BERAT", "EXILE", null)),
        CaseRules.SANCTION_FORM,
        "catalogue saksi.neutrality v1, sanctionForms",
        "EXAMINED",
        "form EXILE is not in catalogue saksi.neutrality v1");
  }

  @Test
  void sanctionDuration_sevenMonthsIsNotAPeriodOfTheForm() {
    c.report()
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "DIS-N1")
        .forwarded()
        .recommended("DISCIPLINE", "SEDANG")
        .summoned()
        .examined(false);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("SEDANG", "ALLOWANCE_CUT_25", 7)),
        CaseRules.SANCTION_DURATION,
        V1.sanctionForm("ALLOWANCE_CUT_25").orElseThrow().ref(),
        "EXAMINED",
        "form ALLOWANCE_CUT_25 lasts [6, 9, 12] months; durationMonths is 7");
  }

  @Test
  void sanctionDuration_durationOnAFormWithout() {
    c.toRecommended().summoned().examined(true);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("BERAT", "HONOURABLE_DISMISSAL", 12)),
        CaseRules.SANCTION_DURATION,
        V1.sanctionForm("HONOURABLE_DISMISSAL").orElseThrow().ref(),
        "EXAMINED",
        "form HONOURABLE_DISMISSAL has no duration; leave durationMonths out");
  }

  @Test
  void sanctionExamined_disciplineWithoutExamination() {
    c.toRecommended();
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("BERAT", "DEMOTION_12M", 12)),
        CaseRules.SANCTION_EXAMINED,
        V1.track("DISCIPLINE").orElseThrow().ref(),
        "RECOMMENDED",
        "a sanction on the DISCIPLINE track follows an examination; record case.summoned and"
            + " case.examined first");
  }

  @Test
  void sanctionTeam_heavySanctionWithoutTeamExamination() {
    c.toRecommended().summoned().examined(false);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("BERAT", "DEMOTION_12M", 12)),
        CaseRules.SANCTION_TEAM,
        V1.level("BERAT").orElseThrow().ref(),
        "EXAMINED",
        "a BERAT sanction requires an examination by a team; no examination of this case was by a"
            + " team");
  }

  @Test
  void datesOrdered_effectiveBeforeDecided() {
    c.toRecommended().summoned().examined(true);
    ObjectNode body = c.decideBody("BERAT", "DEMOTION_12M", 12);
    body.put("effectiveOn", "2024-01-01");
    expect(
        c.reject(METRO, "case.sanction-decided", body),
        CommonRules.DATES_ORDERED,
        "EXAMINED",
        "effectiveOn is 2024-01-01, before decidedOn (2024-10-14)");
  }

  @Test
  void calendarCovered_deliveryDeadlineIntoAnUncoveredYear() {
    c.day = LocalDate.of(2026, 11, 10);
    c.election = "PILKADA-2024";
    c.report()
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "DIS-N1")
        .forwarded()
        .recommended("DISCIPLINE", "SEDANG")
        .summoned()
        .examined(false);
    c.day = LocalDate.of(2026, 12, 14);
    expect(
        c.reject(METRO, "case.sanction-decided", c.decideBody("SEDANG", "ALLOWANCE_CUT_25", 6)),
        CommonRules.CALENDAR_COVERED,
        "catalogue saksi.neutrality v1, calendar",
        "EXAMINED",
        "the holiday calendar in force covers 2024, 2025, 2026 but not 2027; adopt a catalogue"
            + " whose calendar lists the national holidays and cuti bersama of 2027");
  }

  // --- delivery, appeal, in force, served ----------------------------------------------------

  @Test
  void reference_deliveryNamingAnotherRecord() {
    c.toDecidedMedium();
    ObjectNode body = J.o("decision", c.opening, "deliveredOn", c.next());
    expect(
        c.reject(METRO, "case.decision-delivered", body),
        CaseRules.REFERENCE,
        "DECIDED",
        "decision names position 30, but the sanction decision of case/R-1 is at position 39");
  }

  @Test
  void appealRoute_administrativeAppealAgainstAnAllowanceCut() {
    c.toDecidedMedium().delivered();
    expect(
        c.reject(BPASN, "case.appeal-filed", c.appealBody("ADMINISTRATIVE_APPEAL")),
        CaseRules.APPEAL_ROUTE,
        V1.sanctionForm("ALLOWANCE_CUT_25").orElseThrow().ref(),
        "APPEAL_WINDOW",
        "the sanction ALLOWANCE_CUT_25 is challenged by OBJECTION, not by ADMINISTRATIVE_APPEAL;"
            + " an administrative appeal to BPASN is for dismissal only");
  }

  @Test
  void appealRoute_moralSanctionCannotBeAppealed() {
    c.day = LocalDate.of(2024, 8, 1);
    c.report("PROSPECTIVE_CANDIDATE", "ETH-5")
        .registered()
        .verified()
        .clarified()
        .assessed("PROSPECTIVE_CANDIDATE", "ETH-5")
        .forwarded()
        .recommended("ETHICS", "MORAL")
        .decided("MORAL", "MORAL_CLOSED", null)
        .delivered();
    expect(
        c.reject(METRO, "case.appeal-filed", c.appealBody("OBJECTION")),
        CaseRules.APPEAL_ROUTE,
        V1.sanctionForm("MORAL_CLOSED").orElseThrow().ref(),
        "APPEAL_WINDOW",
        "the sanction MORAL_CLOSED cannot be appealed");
  }

  @Test
  void appealInTime_objectionAfterTheWindow() {
    c.toDecidedMedium().delivered();
    LocalDate due = c.state().delivery().orElseThrow().appealDueOn();
    c.day = due;
    expect(
        c.reject(METRO, "case.appeal-filed", c.appealBody("OBJECTION")),
        CaseRules.APPEAL_IN_TIME,
        V1.deadline(DeadlineId.OBJECTION_FILING, ElectionKind.PILKADA).ref(),
        "APPEAL_WINDOW",
        "the appeal window closed on "
            + due
            + " (14 working days after delivery on 2024-10-15); an appeal filed on "
            + due.plusDays(1)
            + " is late");
  }

  @Test
  void appealAnswer_objectionsAreNotAnswered() {
    c.toDecidedMedium().delivered().appealed("OBJECTION");
    expect(
        c.reject(
            METRO,
            "case.appeal-answered",
            J.o("appeal", c.appeal, "number", c.number(), "answeredOn", c.next())),
        CaseRules.APPEAL_ANSWER,
        "APPEALED",
        "an objection is not answered by the PPK; only an administrative appeal is");
  }

  private CaseScript dismissedAndAppealed() {
    return c.report("CANDIDATE", "PARTY")
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "PARTY")
        .forwarded()
        .recommended("DISMISSAL", "PTDH")
        .summoned()
        .examined(true)
        .decided("PTDH", "DISMISSAL_WITHOUT_HONOUR", null)
        .delivered()
        .appealed("ADMINISTRATIVE_APPEAL");
  }

  @Test
  void appealAnswer_answeredTwice() {
    dismissedAndAppealed();
    c.accept(
        METRO,
        "case.appeal-answered",
        J.o("appeal", c.appeal, "number", c.number(), "answeredOn", c.next()));
    LocalDate first = c.day;
    expect(
        c.reject(
            METRO,
            "case.appeal-answered",
            J.o("appeal", c.appeal, "number", c.number(), "answeredOn", c.next())),
        CaseRules.APPEAL_ANSWER,
        "APPEALED",
        "the appeal was already answered on " + first);
  }

  @Test
  void bpasnOutcome_bpasnDoesNotModify() {
    dismissedAndAppealed();
    ObjectNode body =
        J.o(
            "appeal", c.appeal,
            "number", c.number(),
            "decidedOn", c.next(),
            "outcome", "MODIFIED",
            "modified",
                J.o("level", "BERAT", "form", "HONOURABLE_DISMISSAL", "effectiveOn", c.day));
    expect(
        c.reject(BPASN, "case.appeal-decided", body),
        CaseRules.APPEAL_BPASN_OUTCOME,
        "APPEALED",
        "BPASN upholds or annuls a dismissal; it does not modify it");
  }

  @Test
  void reference_appealDecisionNamingTheSanctionInsteadOfTheAppeal() {
    dismissedAndAppealed();
    ObjectNode body =
        J.o("appeal", c.decision, "number", c.number(), "decidedOn", c.next(), "outcome", "UPHELD");
    expect(
        c.reject(BPASN, "case.appeal-decided", body),
        CaseRules.REFERENCE,
        "APPEALED",
        "appeal names position "
            + c.decision
            + ", but the appeal of case/R-1 is at position "
            + c.appeal);
  }

  @Test
  void sanctionLevel_objectionModifiedToAnUnallowedLevel() {
    c.toDecidedMedium().delivered().appealed("OBJECTION");
    ObjectNode body =
        J.o(
            "appeal", c.appeal,
            "number", c.number(),
            "decidedOn", c.next(),
            "outcome", "MODIFIED",
            "modified", J.o("level", "RINGAN", "form", "WRITTEN_REPRIMAND", "effectiveOn", c.day));
    expect(
        c.reject(METRO, "case.appeal-decided", body),
        CaseRules.SANCTION_LEVEL,
        V1.violationForm("DIS-N1").orElseThrow().ref(),
        "APPEALED",
        "level RINGAN is not allowed for the proven forms (DIS-N1); allowed: SEDANG");
  }

  @Test
  void inForceWindow_inForceWhileTheWindowIsOpen() {
    c.toDecidedMedium().delivered();
    LocalDate due = c.state().delivery().orElseThrow().appealDueOn();
    expect(
        c.reject(METRO, "case.in-force", J.o("decision", c.decision, "inForceOn", due)),
        CaseRules.IN_FORCE_WINDOW,
        "APPEAL_WINDOW",
        "the appeal window is open until "
            + due
            + "; the sanction is in force only from the day after");
  }

  @Test
  void servedDuration_servedBeforeTheCutEnds() {
    c.toDecidedMedium().delivered().inForce();
    LocalDate effective = c.state().sanction().orElseThrow().effectiveOn();
    expect(
        c.reject(METRO, "case.served", J.o("servedOn", effective.plusMonths(6).minusDays(1))),
        CaseRules.SERVED_DURATION,
        V1.sanctionForm("ALLOWANCE_CUT_25").orElseThrow().ref(),
        "IN_FORCE",
        "the sanction ALLOWANCE_CUT_25 runs from "
            + effective
            + " for 6 months, until "
            + effective.plusMonths(6)
            + "; it is not served on "
            + effective.plusMonths(6).minusDays(1));
  }

  @Test
  void disciplineOnce_recordedTwice() {
    c.toDecidedMedium().delivered().inForce();
    c.accept(BKN, "case.discipline-recorded", J.o("recordedOn", c.next(), "registerEntry", "I-1"));
    LocalDate first = c.day;
    expect(
        c.reject(
            BKN, "case.discipline-recorded", J.o("recordedOn", c.next(), "registerEntry", "I-2")),
        CaseRules.DISCIPLINE_ONCE,
        "IN_FORCE",
        "the I'DIS entry was already recorded on " + first);
  }

  // --- overdue branch ------------------------------------------------------------------------

  @Test
  void overdue_reminderBeforeTheDueDate() {
    c.toRecommended();
    LocalDate due = c.state().recommendation().orElseThrow().dueOn();
    c.day = due.minusDays(1);
    expect(
        c.reject(BKN, "case.reminder-sent", J.o("number", c.number(), "sentOn", c.next())),
        CaseRules.OVERDUE,
        "RECOMMENDED",
        "the PPK's follow-up is due on "
            + due
            + " (recommendation at position 36); a reminder on "
            + due
            + " (sentOn) is premature");
  }

  @Test
  void reprimandRegional_ppkIsAMinistry() {
    c.unit = TestLedger.KEMENKEU_DJP;
    c.ppk = KEMENKEU;
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    expect(
        c.reject(
            KEMENDAGRI,
            "case.regional-head-reprimanded",
            J.o("number", c.number(), "reprimandedOn", c.next())),
        CaseRules.REPRIMAND_REGIONAL,
        "RECOMMENDED",
        "the PPK at KEMENKEU is a CENTRAL_AGENCY, not a regional head; Kemendagri reprimands"
            + " regional heads");
  }

  @Test
  void reprimandRegional_twice() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    c.accept(
        KEMENDAGRI,
        "case.regional-head-reprimanded",
        J.o("number", c.number(), "reprimandedOn", c.next()));
    LocalDate first = c.day;
    expect(
        c.reject(
            KEMENDAGRI,
            "case.regional-head-reprimanded",
            J.o("number", c.number(), "reprimandedOn", c.next())),
        CaseRules.REPRIMAND_REGIONAL,
        "RECOMMENDED",
        "the regional head was already reprimanded on " + first);
  }

  @Test
  void blockOnce_blockedTwice() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    c.accept(BKN, "case.personnel-blocked", J.o("number", c.number(), "blockedOn", c.next()));
    LocalDate first = c.day;
    expect(
        c.reject(BKN, "case.personnel-blocked", J.o("number", c.number(), "blockedOn", c.next())),
        CaseRules.BLOCK_ONCE,
        "RECOMMENDED",
        "personnel services are already blocked since " + first);
  }

  @Test
  void unblockBlocked_nothingBlocked() {
    c.toRecommended();
    expect(
        c.reject(
            BKN,
            "case.personnel-unblocked",
            J.o("number", c.number(), "unblockedOn", c.next(), "reason", "OTHER")),
        CaseRules.UNBLOCK_BLOCKED,
        "RECOMMENDED",
        "personnel services of this case are not blocked");
  }

  @Test
  void unblockPpkActed_beforeThePpkDecided() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    c.accept(BKN, "case.personnel-blocked", J.o("number", c.number(), "blockedOn", c.next()));
    expect(
        c.reject(
            BKN,
            "case.personnel-unblocked",
            J.o("number", c.number(), "unblockedOn", c.next(), "reason", "PPK_ACTED")),
        CaseRules.UNBLOCK_PPK_ACTED,
        "RECOMMENDED",
        "the PPK has not decided a sanction yet (the case is RECOMMENDED); lift the block with"
            + " reason PPK_ACTED after case.sanction-decided");
  }

  @Test
  void closeNotBlocked_closingWhileBlocked() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    c.accept(BKN, "case.personnel-blocked", J.o("number", c.number(), "blockedOn", c.next()));
    LocalDate blocked = c.day;
    expect(
        c.reject(BKN, "case.closed", c.closeBody("SUBJECT_LEFT_SERVICE")),
        CaseRules.CLOSE_NOT_BLOCKED,
        "RECOMMENDED",
        "personnel services are blocked since "
            + blocked
            + "; record case.personnel-unblocked first");
  }

  // --- corrections and closures --------------------------------------------------------------

  @Test
  void correctReference_positionOfAnotherAggregate() {
    c.report();
    ObjectNode body = J.o("corrects", 2, "reason", "OTHER", "changes", J.o("number", "1/X"));
    expect(
        c.reject(c.intake, "case.corrected", body),
        CaseRules.CORRECT_REFERENCE,
        "RECEIVED",
        "position 2 is not a record of case/R-1");
  }

  @Test
  void correctReference_correctingACorrection() {
    c.report();
    long correction = t.nextPosition().value();
    c.accept(
        c.intake,
        "case.corrected",
        J.o("corrects", c.opening, "reason", "OTHER", "changes", J.o("place", J.digest("p2"))));
    ObjectNode body =
        J.o("corrects", correction, "reason", "OTHER", "changes", J.o("place", J.digest("p3")));
    expect(
        c.reject(c.intake, "case.corrected", body),
        CaseRules.CORRECT_REFERENCE,
        "RECEIVED",
        "position " + correction + " is itself a correction; correct the original record instead");
  }

  @Test
  void correctFields_identityOfARegistration() {
    c.report().registered();
    ObjectNode body =
        J.o(
            "corrects",
            c.opening.value() + 1,
            "reason",
            "WRONG_IDENTITY",
            "changes",
            J.o("reported.nip", J.digest("n")));
    expect(
        c.reject(c.intake, "case.corrected", body),
        CaseRules.CORRECT_FIELDS,
        "REGISTERED",
        "field \"reported.nip\" of case.registered cannot be corrected; correctable: number");
  }

  @Test
  void correctFields_recordWithNothingCorrectable() {
    c.report().registered().verified();
    ObjectNode body =
        J.o("corrects", c.opening.value() + 2, "reason", "OTHER", "changes", J.o("number", "1/X"));
    expect(
        c.reject(BKN, "case.corrected", body),
        CaseRules.CORRECT_FIELDS,
        "VERIFIED",
        "case.verified has no correctable fields");
  }

  @Test
  void closeReason_noViolationBeforeAnyAssessment() {
    c.report();
    expect(
        c.reject(c.intake, "case.closed", c.closeBody("NO_VIOLATION")),
        CaseRules.CLOSE_REASON,
        "RECEIVED",
        "reason NO_VIOLATION does not fit state RECEIVED; it closes a case in state NO_VIOLATION");
  }

  @Test
  void closeReason_recordedInErrorAfterTheDecision() {
    c.toDecidedMedium();
    Rejection r = c.reject(c.intake, "case.closed", c.closeBody("RECORDED_IN_ERROR"));
    assertThat(r.rule()).isEqualTo(CaseRules.CLOSE_REASON);
    assertThat(r.message())
        .isEqualTo(
            "reason RECORDED_IN_ERROR does not fit state DECIDED; it closes a case in state"
                + " RECEIVED, REGISTERED, VERIFIED, CLARIFIED, ASSESSED, NO_VIOLATION, REFERRED,"
                + " FORWARDED, RECOMMENDED, SUMMONED, EXAMINED");
  }

  @Test
  void closeDuplicate_ofItself() {
    c.report();
    ObjectNode body = J.with(c.closeBody("DUPLICATE"), "duplicateOf", "R-1");
    expect(
        c.reject(c.intake, "case.closed", body),
        CaseRules.CLOSE_DUPLICATE,
        "RECEIVED",
        "a case is not a duplicate of itself");
  }

  @Test
  void closeDuplicate_invalidCaseId() {
    c.report();
    ObjectNode body = J.with(c.closeBody("DUPLICATE"), "duplicateOf", "not a case id");
    expect(
        c.reject(c.intake, "case.closed", body),
        CaseRules.CLOSE_DUPLICATE,
        "RECEIVED",
        "duplicateOf \"not a case id\" is not a valid case ID");
  }

  @Test
  void kasnPeriod_catalogueV2MovesTheHandOver() {
    ObjectNode v2 =
        (ObjectNode) id.saksi.core.domain.catalogue.CatalogueTestFiles.correctedV2Json();
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N1");
    c.day = LocalDate.of(2024, 10, 7);
    // Under v1, BKN recommends in October 2024; after adopting v2 (KASN until 2024-08-31) it still
    // does, but KASN would for a date in July.
    t.accept(REGISTRAR, "catalogue.adopted", "registry", J.o("catalogue", v2));
    ObjectNode july =
        J.with(c.recommendBody("DISCIPLINE", "SEDANG"), "recommendedOn", "2024-07-15");
    Rejection r = c.reject(BKN, "case.recommended", july);
    assertThat(r.rule()).isEqualTo(CaseRules.signer("case.recommended"));
    assertThat(r.source()).startsWith("catalogue saksi.neutrality v2, authorities KASN");
  }
}
