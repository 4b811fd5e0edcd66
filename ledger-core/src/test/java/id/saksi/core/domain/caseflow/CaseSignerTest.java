package id.saksi.core.domain.caseflow;

import static id.saksi.core.domain.testing.Rejections.assertRejection;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.BPASN;
import static id.saksi.core.domain.testing.TestLedger.KEMENKEU;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static id.saksi.core.domain.testing.TestLedger.METRO_DISDIK;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.AgencyCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may sign each case record: for every record type, the legal record signed by the wrong agency
 * (KEMENKEU, a ministry with no role in the case, unless said otherwise) is rejected under {@code
 * <type>.signer} and changes nothing.
 */
class CaseSignerTest {
  private final TestLedger t = TestLedger.standard();
  private final CaseScript c = new CaseScript(t, "SIG-1");

  private Rejection wrong(String type, ObjectNode body) {
    return wrong(KEMENKEU, type, body);
  }

  private Rejection wrong(AgencyCode by, String type, ObjectNode body) {
    return c.reject(by, type, body);
  }

  private void expect(Rejection r, String type, String state, String message) {
    assertRejection(r, CaseRules.signer(type), c.subject, state, message);
  }

  @Test
  void reported_byAnAgencyThatTakesNoReports() {
    expect(
        wrong("case.reported", c.reportBody("CANDIDATE", null)),
        "case.reported",
        "NONE",
        "case.reported is recorded by BAWASLU, BKN, KASN, KEMENPANRB, KEMENDAGRI, OVERSIGHT_BODY;"
            + " KEMENKEU is CENTRAL_AGENCY");
  }

  @Test
  void found_byKemenpanrb() {
    expect(
        wrong(TestLedger.KEMENPANRB, "case.found", c.findBody("CANDIDATE", null)),
        "case.found",
        "NONE",
        "case.found is recorded by BAWASLU, BKN, OVERSIGHT_BODY; KEMENPANRB is KEMENPANRB");
  }

  @Test
  void registered_byAnotherBawasluOffice() {
    c.report();
    expect(
        wrong(TestLedger.BAWASLU_JATENG, "case.registered", c.registerBody()),
        "case.registered",
        "RECEIVED",
        "case.registered is recorded by BAWASLU-LAMPUNG, which received the report or made the"
            + " finding, not by BAWASLU-JATENG");
  }

  @Test
  void notRegistered_byAnotherAgency() {
    c.report();
    expect(
        wrong("case.not-registered", J.o("decidedOn", c.next(), "reason", "LATE")),
        "case.not-registered",
        "RECEIVED",
        "case.not-registered is recorded by BAWASLU-LAMPUNG, which received the report or made"
            + " the finding, not by KEMENKEU");
  }

  @Test
  void verified_outsideTheTaskForce() {
    c.report().registered();
    expect(
        wrong("case.verified", c.verifyBody()),
        "case.verified",
        "REGISTERED",
        "case.verified is recorded by BAWASLU, BKN, KASN, KEMENPANRB, KEMENDAGRI, OVERSIGHT_BODY;"
            + " KEMENKEU is CENTRAL_AGENCY");
  }

  @Test
  void clarified_byKemendagri() {
    c.report().registered().verified();
    expect(
        wrong(TestLedger.KEMENDAGRI, "case.clarified", c.clarifyBody()),
        "case.clarified",
        "VERIFIED",
        "case.clarified is recorded by BAWASLU, BKN, KASN, OVERSIGHT_BODY; KEMENDAGRI is"
            + " KEMENDAGRI");
  }

  @Test
  void assessmentExtended_byAnotherAgency() {
    c.report().registered().verified();
    expect(
        wrong("case.assessment-extended", J.o("extendedOn", c.next())),
        "case.assessment-extended",
        "VERIFIED",
        "case.assessment-extended is recorded by BAWASLU, BKN, KASN, OVERSIGHT_BODY; KEMENKEU is"
            + " CENTRAL_AGENCY");
  }

  @Test
  void assessed_byAnotherAgency() {
    c.report().registered().verified().clarified();
    expect(
        wrong("case.assessed", c.assessBody("CANDIDATE", "DIS-N1")),
        "case.assessed",
        "CLARIFIED",
        "case.assessed is recorded by BAWASLU, BKN, KASN, OVERSIGHT_BODY; KEMENKEU is"
            + " CENTRAL_AGENCY");
  }

  @Test
  void forwarded_byAnotherAssessor() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N1");
    expect(
        wrong(BKN, "case.forwarded", c.forwardBody()),
        "case.forwarded",
        "ASSESSED",
        "case.forwarded is recorded by BAWASLU-LAMPUNG, which assessed the case, not by BKN");
  }

  @Test
  void recommended_byABodyWithoutTheAuthority_citesTheCatalogueEntry() {
    c.report().registered().verified().clarified().assessed("CANDIDATE", "DIS-N1");
    ObjectNode body = c.recommendBody("DISCIPLINE", "SEDANG");
    Rejection r = wrong(TestLedger.KASN, "case.recommended", body);

    assertRejection(
        r,
        CaseRules.signer("case.recommended"),
        Catalogues.bundled(1).authorities().get(1).ref(),
        c.subject,
        "ASSESSED",
        "on 2024-10-08 recommendations are issued by BKN, not by KASN (KASN)");
  }

  @Test
  void summoned_byAnotherAgency() {
    c.toRecommended();
    expect(
        wrong("case.summoned", c.summonBody()),
        "case.summoned",
        "RECOMMENDED",
        "case.summoned is recorded by the PPK's agency PEMKOT-METRO or one of its units; KEMENKEU"
            + " is neither");
  }

  @Test
  void examined_byAnotherAgency() {
    c.toRecommended().summoned();
    expect(
        wrong("case.examined", c.examineBody(true)),
        "case.examined",
        "SUMMONED",
        "case.examined is recorded by the PPK's agency PEMKOT-METRO or one of its units; KEMENKEU"
            + " is neither");
  }

  @Test
  void sanctionDecided_byAUnitOfThePpk_onlyThePpkDecides() {
    c.toRecommended().summoned().examined(true);
    expect(
        wrong(METRO_DISDIK, "case.sanction-decided", c.decideBody("BERAT", "DEMOTION_12M", 12)),
        "case.sanction-decided",
        "EXAMINED",
        "case.sanction-decided is recorded by PEMKOT-METRO, the PPK of the reported civil servant,"
            + " not by DISDIK-METRO");
  }

  @Test
  void decisionDelivered_byAnotherAgency() {
    c.toDecidedMedium();
    expect(
        wrong("case.decision-delivered", c.deliverBody()),
        "case.decision-delivered",
        "DECIDED",
        "case.decision-delivered is recorded by the PPK's agency PEMKOT-METRO or one of its units;"
            + " KEMENKEU is neither");
  }

  @Test
  void appealFiled_objectionByAnotherAgency() {
    c.toDecidedMedium().delivered();
    expect(
        wrong("case.appeal-filed", c.appealBody("OBJECTION")),
        "case.appeal-filed",
        "APPEAL_WINDOW",
        "an objection is recorded by the PPK's agency PEMKOT-METRO or an agency above it; KEMENKEU"
            + " is neither");
  }

  @Test
  void appealFiled_administrativeAppealNotByBpasn() {
    c.report("CANDIDATE", "PARTY")
        .registered()
        .verified()
        .clarified()
        .assessed("CANDIDATE", "PARTY")
        .forwarded()
        .recommended("DISMISSAL", "PTDH")
        .summoned()
        .examined(true)
        .decided("PTDH", "DISMISSAL_WITHOUT_HONOUR", null)
        .delivered();
    expect(
        wrong(METRO, "case.appeal-filed", c.appealBody("ADMINISTRATIVE_APPEAL")),
        "case.appeal-filed",
        "APPEAL_WINDOW",
        "an administrative appeal is recorded by BPASN; PEMKOT-METRO is REGIONAL_GOVERNMENT");
  }

  @Test
  void appealAnswered_byBpasnInsteadOfThePpk() {
    c.report("CANDIDATE", "PARTY")
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
    expect(
        wrong(
            BPASN,
            "case.appeal-answered",
            J.o("appeal", c.appeal, "number", c.number(), "answeredOn", c.next())),
        "case.appeal-answered",
        "APPEALED",
        "case.appeal-answered is recorded by PEMKOT-METRO, the PPK whose decision is appealed, not"
            + " by BPASN");
  }

  @Test
  void appealDecided_objectionByAnotherAgency() {
    c.toDecidedMedium().delivered().appealed("OBJECTION");
    expect(
        wrong(
            "case.appeal-decided",
            J.o(
                "appeal",
                c.appeal,
                "number",
                c.number(),
                "decidedOn",
                c.next(),
                "outcome",
                "UPHELD")),
        "case.appeal-decided",
        "APPEALED",
        "an objection is recorded by the PPK's agency PEMKOT-METRO or an agency above it; KEMENKEU"
            + " is neither");
  }

  @Test
  void inForce_byAnotherAgency() {
    c.toDecidedMedium().delivered();
    expect(
        wrong("case.in-force", c.inForceBody()),
        "case.in-force",
        "APPEAL_WINDOW",
        "case.in-force is recorded by the PPK's agency PEMKOT-METRO or one of its units; KEMENKEU"
            + " is neither");
  }

  @Test
  void served_byAnotherAgency() {
    c.toDecidedMedium().delivered().inForce();
    expect(
        wrong("case.served", c.servedBody()),
        "case.served",
        "IN_FORCE",
        "case.served is recorded by the PPK's agency PEMKOT-METRO or one of its units; KEMENKEU is"
            + " neither");
  }

  @Test
  void disciplineRecorded_notByBkn() {
    c.toDecidedMedium().delivered().inForce();
    expect(
        wrong(
            METRO, "case.discipline-recorded", J.o("recordedOn", c.next(), "registerEntry", "I-1")),
        "case.discipline-recorded",
        "IN_FORCE",
        "case.discipline-recorded is recorded by BKN; PEMKOT-METRO is REGIONAL_GOVERNMENT");
  }

  @Test
  void reminderSent_notByTheAuthority() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    Rejection r =
        wrong(
            TestLedger.KEMENDAGRI,
            "case.reminder-sent",
            J.o("number", c.number(), "sentOn", c.next()));

    assertRejection(
        r,
        CaseRules.signer("case.reminder-sent"),
        Catalogues.bundled(1).authorities().get(1).ref(),
        c.subject,
        "RECOMMENDED",
        "on " + c.day + " reminders are sent by BKN, not by KEMENDAGRI (KEMENDAGRI)");
  }

  @Test
  void regionalHeadReprimanded_notByKemendagri() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    expect(
        wrong(
            BKN,
            "case.regional-head-reprimanded",
            J.o("number", c.number(), "reprimandedOn", c.next())),
        "case.regional-head-reprimanded",
        "RECOMMENDED",
        "case.regional-head-reprimanded is recorded by KEMENDAGRI; BKN is BKN");
  }

  @Test
  void personnelBlocked_notByBkn() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    expect(
        wrong(
            TestLedger.KEMENDAGRI,
            "case.personnel-blocked",
            J.o("number", c.number(), "blockedOn", c.next())),
        "case.personnel-blocked",
        "RECOMMENDED",
        "case.personnel-blocked is recorded by BKN; KEMENDAGRI is KEMENDAGRI");
  }

  @Test
  void personnelUnblocked_notByBkn() {
    c.toRecommended();
    c.day = c.state().recommendation().orElseThrow().dueOn();
    c.accept(BKN, "case.personnel-blocked", J.o("number", c.number(), "blockedOn", c.next()));
    expect(
        wrong(
            METRO,
            "case.personnel-unblocked",
            J.o("number", c.number(), "unblockedOn", c.next(), "reason", "OTHER")),
        "case.personnel-unblocked",
        "RECOMMENDED",
        "case.personnel-unblocked is recorded by BKN; PEMKOT-METRO is REGIONAL_GOVERNMENT");
  }

  @Test
  void corrected_byAnotherAgencyThanTheAuthor() {
    c.report().registered();
    expect(
        wrong(
            BKN,
            "case.corrected",
            J.o(
                "corrects",
                c.opening,
                "reason",
                "CLERICAL_ERROR",
                "changes",
                J.o("place", J.digest("another place")))),
        "case.corrected",
        "REGISTERED",
        "the record at position "
            + c.opening
            + " (case.reported) was signed by BAWASLU-LAMPUNG; only BAWASLU-LAMPUNG corrects it");
  }

  @Test
  void closed_byAnAgencyTheReasonDoesNotAllow() {
    c.report().registered();
    expect(
        wrong("case.closed", c.closeBody("NOT_VERIFIED")),
        "case.closed",
        "REGISTERED",
        "a closure for NOT_VERIFIED is signed by a member of the joint task force, not by"
            + " KEMENKEU");
  }

  @Test
  void everyCaseTypeHasASignerTestHere() {
    assertThat(CaseRules.types()).hasSize(26);
  }
}
