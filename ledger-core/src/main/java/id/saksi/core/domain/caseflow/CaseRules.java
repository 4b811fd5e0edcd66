package id.saksi.core.domain.caseflow;

import static id.saksi.core.domain.caseflow.CaseStatus.APPEALED;
import static id.saksi.core.domain.caseflow.CaseStatus.APPEAL_WINDOW;
import static id.saksi.core.domain.caseflow.CaseStatus.ASSESSED;
import static id.saksi.core.domain.caseflow.CaseStatus.CLARIFIED;
import static id.saksi.core.domain.caseflow.CaseStatus.DECIDED;
import static id.saksi.core.domain.caseflow.CaseStatus.EXAMINED;
import static id.saksi.core.domain.caseflow.CaseStatus.FORWARDED;
import static id.saksi.core.domain.caseflow.CaseStatus.IN_FORCE;
import static id.saksi.core.domain.caseflow.CaseStatus.RECEIVED;
import static id.saksi.core.domain.caseflow.CaseStatus.RECOMMENDED;
import static id.saksi.core.domain.caseflow.CaseStatus.REGISTERED;
import static id.saksi.core.domain.caseflow.CaseStatus.SERVED;
import static id.saksi.core.domain.caseflow.CaseStatus.SUMMONED;
import static id.saksi.core.domain.caseflow.CaseStatus.VERIFIED;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.rule.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a violation case, with their sources: for every record type the states it may follow
 * ({@code <type>.from-state}) and who may sign it ({@code <type>.signer}), then the specific rules
 * of each step.
 */
public final class CaseRules {
  private CaseRules() {}

  static final String STEP1 =
      "DOMAIN.md step 1: reports through BKN's SBT, Bawaslu's SiGapLapor, a Bawaslu office or"
          + " SP4N-LAPOR; Bawaslu's findings [S6, S10, S57, S58]";
  static final String STEP2 =
      "DOMAIN.md step 2: verification by the joint task force (BKN, KemenPANRB, Kemendagri,"
          + " Bawaslu) [S6]";
  static final String STEP3 =
      "DOMAIN.md step 3: clarification and assessment (kajian) [S6, S10, S11]; UU 7/2017 Pasal"
          + " 454-455";
  static final String STEP4 =
      "DOMAIN.md step 4: recommendation to the PPK, by KASN and now BKN [S5, S6]";
  static final String STEP5 =
      "DOMAIN.md step 5: PP 94/2021, summons by the direct superior (Pasal 26), examination,"
          + " decision by the PPK, delivery within 14 working days [S15, S16, S17]";
  static final String STEP6 = "DOMAIN.md step 6: entry in BKN's I'DIS register [S6]";
  static final String STEP7 =
      "DOMAIN.md step 7: if the PPK does not act, BKN blocks personnel services (Perban BKN"
          + " 1/2023) and Kemendagri reprimands the regional head (PP 12/2017) [S7, S8, S9, S34,"
          + " S61]";
  static final String STEP8 =
      "DOMAIN.md step 8: PP 79/2021, keberatan, or banding administratif to BPASN for dismissal"
          + " [S13, S14]";
  static final String CORRECTION =
      "issue 3: a correction is a new record referencing the one it corrects";

  /** Agencies that receive reports: the bodies behind the reporting channels. */
  static final Set<AgencyKind> INTAKE =
      EnumSet.of(
          AgencyKind.BAWASLU,
          AgencyKind.BKN,
          AgencyKind.KEMENPANRB,
          AgencyKind.KEMENDAGRI,
          AgencyKind.KASN,
          AgencyKind.OVERSIGHT_BODY);

  /** Agencies that register their own findings. */
  static final Set<AgencyKind> FINDERS =
      EnumSet.of(AgencyKind.BAWASLU, AgencyKind.BKN, AgencyKind.OVERSIGHT_BODY);

  /** The joint task force. */
  static final Set<AgencyKind> TASK_FORCE =
      EnumSet.of(
          AgencyKind.BKN,
          AgencyKind.KEMENPANRB,
          AgencyKind.KEMENDAGRI,
          AgencyKind.BAWASLU,
          AgencyKind.KASN,
          AgencyKind.OVERSIGHT_BODY);

  /** Bodies that clarify and assess. */
  static final Set<AgencyKind> ASSESSORS =
      EnumSet.of(AgencyKind.BAWASLU, AgencyKind.BKN, AgencyKind.KASN, AgencyKind.OVERSIGHT_BODY);

  private static final Map<String, Set<CaseStatus>> FROM = new LinkedHashMap<>();
  private static final Map<String, Rule> FROM_RULES = new LinkedHashMap<>();
  private static final Map<String, Rule> SIGNER_RULES = new LinkedHashMap<>();

  private static void type(String type, Set<CaseStatus> from, String source, String signer) {
    FROM.put(type, Collections.unmodifiableSet(from));
    FROM_RULES.put(
        type,
        new Rule(
            type + ".from-state",
            source,
            from.isEmpty()
                ? type + " opens a new case."
                : type + " follows a case in state " + join(from) + "."));
    SIGNER_RULES.put(type, new Rule(type + ".signer", source, signer));
  }

  private static String join(Set<CaseStatus> s) {
    List<String> names = new ArrayList<>();
    for (CaseStatus c : s) {
      names.add(c.name());
    }
    return String.join(", ", names);
  }

  private static final Set<CaseStatus> PPK_PENDING = EnumSet.of(RECOMMENDED, SUMMONED, EXAMINED);

  static {
    type(
        ReportCaseCommand.TYPE,
        EnumSet.noneOf(CaseStatus.class),
        STEP1,
        "Reports are recorded by BAWASLU, BKN, KEMENPANRB, KEMENDAGRI, KASN or OVERSIGHT_BODY.");
    type(
        FindCaseCommand.TYPE,
        EnumSet.noneOf(CaseStatus.class),
        STEP1 + "; issue 3 (only Bawaslu/BKN register findings)",
        "Findings are recorded by BAWASLU, BKN or OVERSIGHT_BODY.");
    type(
        RegisterCaseCommand.TYPE,
        EnumSet.of(RECEIVED),
        STEP1,
        "The agency that received the report or made the finding registers it.");
    type(
        RefuseRegistrationCommand.TYPE,
        EnumSet.of(RECEIVED),
        STEP1,
        "The agency that received the report or made the finding refuses to register it.");
    type(
        VerifyCaseCommand.TYPE,
        EnumSet.of(REGISTERED),
        STEP2,
        "A member of the joint task force (BKN, KEMENPANRB, KEMENDAGRI, BAWASLU; KASN,"
            + " OVERSIGHT_BODY) verifies.");
    type(
        ClarifyCaseCommand.TYPE,
        EnumSet.of(VERIFIED, CLARIFIED),
        STEP3,
        "BAWASLU, BKN, KASN or OVERSIGHT_BODY clarifies.");
    type(
        ExtendAssessmentCommand.TYPE,
        EnumSet.of(VERIFIED, CLARIFIED),
        STEP3,
        "BAWASLU, BKN, KASN or OVERSIGHT_BODY extends its assessment.");
    type(
        AssessCaseCommand.TYPE,
        EnumSet.of(CLARIFIED),
        STEP3,
        "BAWASLU, BKN, KASN or OVERSIGHT_BODY assesses.");
    type(
        ForwardCaseCommand.TYPE,
        EnumSet.of(ASSESSED),
        STEP4,
        "The agency that assessed the case forwards it.");
    type(
        RecommendSanctionCommand.TYPE,
        EnumSet.of(ASSESSED, FORWARDED),
        STEP4,
        "The recommending authority in office on the recommendation's date (catalogue,"
            + " authorities) recommends.");
    type(
        SummonAsnCommand.TYPE,
        EnumSet.of(RECOMMENDED, SUMMONED, EXAMINED),
        STEP5,
        "The PPK's agency or one of its units (the direct superior) summons.");
    type(
        ExamineAsnCommand.TYPE,
        EnumSet.of(SUMMONED, EXAMINED),
        STEP5,
        "The PPK's agency or one of its units examines.");
    type(
        DecideSanctionCommand.TYPE,
        EnumSet.of(RECOMMENDED, SUMMONED, EXAMINED),
        STEP5 + "; issue 3 (only the PPK of the ASN's agency decides a sanction)",
        "Only the PPK's agency of the civil servant decides the sanction.");
    type(
        DeliverDecisionCommand.TYPE,
        EnumSet.of(DECIDED),
        STEP5,
        "The PPK's agency or one of its units delivers the decision.");
    type(
        FileAppealCommand.TYPE,
        EnumSet.of(APPEAL_WINDOW),
        STEP8,
        "BPASN records an administrative appeal; the PPK's agency or its superior records an"
            + " objection.");
    type(
        AnswerAppealCommand.TYPE,
        EnumSet.of(APPEALED),
        STEP8,
        "The PPK's agency answers an administrative appeal.");
    type(
        DecideAppealCommand.TYPE,
        EnumSet.of(APPEALED),
        STEP8 + "; issue 3 (only BPASN decides an administrative appeal)",
        "BPASN decides an administrative appeal; the PPK's agency or its superior decides an"
            + " objection.");
    type(
        RecordInForceCommand.TYPE,
        EnumSet.of(APPEAL_WINDOW),
        STEP8,
        "The PPK's agency or one of its units records that the sanction is in force.");
    type(
        RecordServedCommand.TYPE,
        EnumSet.of(IN_FORCE),
        STEP5 + "; " + STEP6,
        "The PPK's agency or one of its units records that the sanction was served.");
    type(
        RecordDisciplineRegisterCommand.TYPE,
        EnumSet.of(IN_FORCE, SERVED),
        STEP6,
        "BKN records the entry in I'DIS.");
    type(
        SendReminderCommand.TYPE,
        PPK_PENDING,
        STEP7 + "; " + STEP4,
        "The recommending authority in office on the reminder's date reminds the PPK.");
    type(
        ReprimandRegionalHeadCommand.TYPE,
        PPK_PENDING,
        STEP7,
        "KEMENDAGRI reprimands the regional head.");
    type(BlockPersonnelDataCommand.TYPE, PPK_PENDING, STEP7, "BKN blocks personnel services.");
    type(
        UnblockPersonnelDataCommand.TYPE,
        EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED)),
        STEP7,
        "BKN lifts the block.");
    type(
        CorrectRecordCommand.TYPE,
        EnumSet.allOf(CaseStatus.class),
        CORRECTION,
        "The agency that signed the corrected record signs its correction.");
    type(
        CloseCaseCommand.TYPE,
        EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED)),
        "DOMAIN.md workflow; issue 3 (closure with a reason)",
        "Who closes depends on the reason (docs/domain.md, closure table).");
  }

  /** The states {@code type} may follow. */
  static Set<CaseStatus> from(String type) {
    return FROM.get(type);
  }

  /** The from-state rule of {@code type}. */
  public static Rule fromState(String type) {
    return FROM_RULES.get(type);
  }

  /** The signer rule of {@code type}. */
  public static Rule signer(String type) {
    return SIGNER_RULES.get(type);
  }

  /** Every case record type, in workflow order. */
  public static List<String> types() {
    return List.copyOf(FROM.keySet());
  }

  /** A case ID is opened once. */
  public static final Rule UNIQUE =
      new Rule(
          "case.unique",
          STEP1 + "; one shared, stable case identity",
          "A case ID is opened" + " only once.");

  /** Records other than openings need an open case. */
  public static final Rule EXISTS =
      new Rule("case.exists", "DOMAIN.md workflow", "A record about a case follows its opening.");

  /** Nothing but corrections follows a closure. */
  public static final Rule OPEN =
      new Rule(
          "case.open",
          "issue 3 (closure with a reason; a correction is a new record)",
          "After a case is closed, only corrections are recorded.");

  /** The election is in the catalogue. */
  public static final Rule ELECTION_KNOWN =
      new Rule(
          "case.election-known",
          "catalogue, elections section",
          "A case names an election listed in the catalogue in force.");

  /** The reported person's unit is registered and has a PPK. */
  public static final Rule UNIT_REGISTERED =
      new Rule(
          "case.unit-registered",
          STEP5 + "; registry (ppk flag)",
          "The reported civil servant's unit is a registered agency with a PPK above it or at it.");

  /** Forms are catalogue forms. */
  public static final Rule FORM_KNOWN =
      new Rule(
          "case.form-known",
          "catalogue, violationForms section",
          "Alleged and proven forms are forms of the catalogue in force.");

  /** A form applies at the recorded candidate stage. */
  public static final Rule FORM_STAGE =
      new Rule(
          "case.form-stage",
          "catalogue, violationForms stages; DOMAIN.md (ethics before official candidacy,"
              + " discipline after) [S24, S25, S26]",
          "A form is alleged or proven only at the candidate stages the catalogue gives it.");

  /** A late report is not registered. */
  public static final Rule REPORT_IN_TIME =
      new Rule(
          "case.registered.report-in-time",
          "catalogue deadline REPORT_FILING: UU 7/2017 Pasal 454 [S10]; Perpu 1/2014 Pasal 134"
              + " [S11]",
          "A report received after the reporting deadline, counted from the day the violation"
              + " became known, is not registered.");

  /** A late finding is not registered. */
  public static final Rule FINDING_IN_TIME =
      new Rule(
          "case.registered.finding-in-time",
          "catalogue deadline FINDING_SETTING: UU 7/2017 Pasal 454 [S10]; Perpu 1/2014 Pasal 134"
              + " [S11]",
          "A finding is registered (set as a temuan) within its deadline from the day it was"
              + " found.");

  /** The assessment period is extended once. */
  public static final Rule EXTEND_ONCE =
      new Rule("case.assessment-extended.once", STEP3, "The assessment period is extended once.");

  /** Only where the law allows an extension. */
  public static final Rule EXTEND_ALLOWED =
      new Rule(
          "case.assessment-extended.allowed",
          "catalogue deadline ASSESSMENT (extension)",
          "The assessment period is extended only if the catalogue's ASSESSMENT deadline has an"
              + " extension for the case's election kind.");

  /** Forwarding goes to the recommending authority. */
  public static final Rule FORWARD_TO_AUTHORITY =
      new Rule(
          "case.forwarded.to-authority",
          "catalogue, authorities section; " + STEP4,
          "A case is forwarded to a registered agency of the kind that holds the recommending"
              + " authority on the forwarding date.");

  /** A forwarded case is recommended on by the agency it was forwarded to. */
  public static final Rule RECOMMEND_FORWARDED_TO =
      new Rule(
          "case.recommended.forwarded-to",
          STEP4 + "; SE MenPANRB 4/2024 (KASN's unprocessed files went to BKN) [S2]",
          "A forwarded case is recommended on by the agency it was forwarded to, unless the"
              + " authority has since passed to another kind of body, which then takes the file.");

  /** The recommended track is a proven form's. */
  public static final Rule RECOMMEND_TRACK =
      new Rule(
          "case.recommended.track",
          "catalogue, violationForms track",
          "The recommended track is the track of one of the proven forms.");

  /** The recommended level is allowed by a proven form. */
  public static final Rule RECOMMEND_LEVEL =
      new Rule(
          "case.recommended.level",
          "catalogue, violationForms allowedLevels",
          "The recommended level is one a proven form of that track allows.");

  /** The recommendation is addressed to the PPK. */
  public static final Rule RECOMMEND_ADDRESSEE =
      new Rule(
          "case.recommended.addressee",
          STEP4,
          "The recommendation is addressed to the PPK's agency of the reported civil servant.");

  /** The due date follows the recommendation. */
  public static final Rule RECOMMEND_DUE =
      new Rule(
          "case.recommended.due-date",
          STEP7 + " (no fixed deadline: configurable)",
          "A due date given in a recommendation is after the recommendation's date.");

  /** The sanction's level is allowed by a proven form. */
  public static final Rule SANCTION_LEVEL =
      new Rule(
          "case.sanction.level-allowed",
          "catalogue, violationForms allowedLevels; issue 3 (a code-of-ethics case gets a moral"
              + " sanction only, party membership gets dismissal)",
          "The sanction's level is one the catalogue allows for a proven form.");

  /** The sanction form belongs to the level. */
  public static final Rule SANCTION_FORM =
      new Rule(
          "case.sanction.form-of-level",
          "catalogue, sanctionForms (PP 94/2021 Pasal 8; PP 42/2004 Pasal 15)",
          "The sanction form is a catalogue form of the decided level.");

  /** The duration is one the form allows. */
  public static final Rule SANCTION_DURATION =
      new Rule(
          "case.sanction.duration",
          "catalogue, sanctionForms durationsMonths (PP 94/2021 Pasal 8)",
          "A form with durations is decided with one of them; a form without, with none.");

  /** Tracks that require it need an examination first. */
  public static final Rule SANCTION_EXAMINED =
      new Rule(
          "case.sanction.examination-required",
          "catalogue, tracks examinationRequired; " + STEP5,
          "A sanction on a track that requires examination follows an examination.");

  /** Levels that require it need an examination by a team. */
  public static final Rule SANCTION_TEAM =
      new Rule(
          "case.sanction.team-required",
          "catalogue, sanctionLevels examinationTeamRequired; "
              + STEP5
              + " (team mandatory for"
              + " berat)",
          "A heavy sanction follows an examination by a team.");

  /** References name the right record of the case. */
  public static final Rule REFERENCE =
      new Rule(
          "case.reference",
          "issue 3 (references between records name the earlier record by its ledger index)",
          "A delivery, appeal or in-force record names the decision (or appeal) of this case by"
              + " its position.");

  /** The appeal takes the route the sanction allows. */
  public static final Rule APPEAL_ROUTE =
      new Rule(
          "case.appeal.route",
          "catalogue, sanctionForms appeal; " + STEP8,
          "An objection is filed against a sanction other than dismissal, an administrative"
              + " appeal against dismissal only, and nothing against a sanction without appeal.");

  /** The appeal is filed within its window. */
  public static final Rule APPEAL_IN_TIME =
      new Rule(
          "case.appeal.in-time",
          "catalogue deadlines OBJECTION_FILING, ADMINISTRATIVE_APPEAL_FILING; " + STEP8,
          "An appeal is filed on or before the last day of its window.");

  /** Only an administrative appeal is answered, once. */
  public static final Rule APPEAL_ANSWER =
      new Rule(
          "case.appeal-answered.administrative-once",
          STEP8 + " (the PPK answers a banding within 21 days)",
          "The PPK answers an administrative appeal, once.");

  /** BPASN upholds or annuls. */
  public static final Rule APPEAL_BPASN_OUTCOME =
      new Rule(
          "case.appeal-decided.bpasn-upholds-or-annuls",
          STEP8 + " (BPASN upholds or annuls, binding)",
          "An administrative appeal is decided UPHELD or ANNULLED, never MODIFIED.");

  /** A sanction is in force once its window lapsed. */
  public static final Rule IN_FORCE_WINDOW =
      new Rule(
          "case.in-force.window-lapsed",
          STEP8,
          "A sanction is recorded in force only after its appeal window closed without an"
              + " appeal.");

  /** A sanction is served once its duration ended. */
  public static final Rule SERVED_DURATION =
      new Rule(
          "case.served.duration-ended",
          "PP 94/2021 Pasal 8 (durations); catalogue sanctionForms",
          "A sanction with a duration is served no earlier than its effective date plus the"
              + " duration.");

  /** I'DIS entry is recorded once. */
  public static final Rule DISCIPLINE_ONCE =
      new Rule("case.discipline-recorded.once", STEP6, "The I'DIS entry is recorded once.");

  /** The overdue branch starts after the PPK's due date. */
  public static final Rule OVERDUE =
      new Rule(
          "case.overdue",
          STEP7 + "; the due date is the recommendation's or catalogue deadline PPK_FOLLOW_UP",
          "A reminder, reprimand or block is recorded only after the PPK's due date has passed"
              + " without a decision.");

  /** Only a regional head is reprimanded by Kemendagri, once. */
  public static final Rule REPRIMAND_REGIONAL =
      new Rule(
          "case.regional-head-reprimanded.regional",
          STEP7 + " (Kemendagri supervises regional heads)",
          "A reprimand by Kemendagri concerns a PPK that is a regional government, once per"
              + " case.");

  /** Personnel services are blocked once at a time. */
  public static final Rule BLOCK_ONCE =
      new Rule("case.personnel-blocked.once", STEP7, "Personnel services are not blocked twice.");

  /** Only a block is lifted. */
  public static final Rule UNBLOCK_BLOCKED =
      new Rule(
          "case.personnel-unblocked.blocked",
          STEP7,
          "Only blocked personnel services are" + " unblocked.");

  /** PPK_ACTED means the PPK decided. */
  public static final Rule UNBLOCK_PPK_ACTED =
      new Rule(
          "case.personnel-unblocked.ppk-acted",
          STEP7 + " (blocked until the PPK acts)",
          "A block lifted because the PPK acted follows the PPK's sanction decision.");

  /** A correction names a non-correction record of this case. */
  public static final Rule CORRECT_REFERENCE =
      new Rule(
          "case.corrected.reference",
          CORRECTION,
          "A correction names, by position, a record of this case that is not itself a"
              + " correction.");

  /** A correction changes only the corrected type's descriptive fields. */
  public static final Rule CORRECT_FIELDS =
      new Rule(
          "case.corrected.fields",
          CORRECTION + "; docs/domain.md (correctable fields)",
          "A correction changes only the descriptive fields of the corrected record's type.");

  /** A closure reason fits the state. */
  public static final Rule CLOSE_REASON =
      new Rule(
          "case.closed.reason-state",
          "DOMAIN.md workflow; docs/domain.md (closure table)",
          "Each closure reason closes a case only from the states it fits.");

  /** No closure while blocked. */
  public static final Rule CLOSE_NOT_BLOCKED =
      new Rule(
          "case.closed.not-blocked",
          STEP7,
          "A case with blocked personnel services is not closed until the block is lifted.");

  /** A duplicate names another case. */
  public static final Rule CLOSE_DUPLICATE =
      new Rule(
          "case.closed.duplicate-of-other",
          "DOMAIN.md (one shared, stable case identity)",
          "A case closed as a DUPLICATE names another, valid case ID.");

  /** All case rules. */
  public static final List<Rule> ALL = all();

  private static List<Rule> all() {
    List<Rule> out = new ArrayList<>();
    out.addAll(FROM_RULES.values());
    out.addAll(SIGNER_RULES.values());
    out.addAll(
        List.of(
            UNIQUE,
            EXISTS,
            OPEN,
            ELECTION_KNOWN,
            UNIT_REGISTERED,
            FORM_KNOWN,
            FORM_STAGE,
            REPORT_IN_TIME,
            FINDING_IN_TIME,
            EXTEND_ONCE,
            EXTEND_ALLOWED,
            FORWARD_TO_AUTHORITY,
            RECOMMEND_FORWARDED_TO,
            RECOMMEND_TRACK,
            RECOMMEND_LEVEL,
            RECOMMEND_ADDRESSEE,
            RECOMMEND_DUE,
            SANCTION_LEVEL,
            SANCTION_FORM,
            SANCTION_DURATION,
            SANCTION_EXAMINED,
            SANCTION_TEAM,
            REFERENCE,
            APPEAL_ROUTE,
            APPEAL_IN_TIME,
            APPEAL_ANSWER,
            APPEAL_BPASN_OUTCOME,
            IN_FORCE_WINDOW,
            SERVED_DURATION,
            DISCIPLINE_ONCE,
            OVERDUE,
            REPRIMAND_REGIONAL,
            BLOCK_ONCE,
            UNBLOCK_BLOCKED,
            UNBLOCK_PPK_ACTED,
            CORRECT_REFERENCE,
            CORRECT_FIELDS,
            CLOSE_REASON,
            CLOSE_NOT_BLOCKED,
            CLOSE_DUPLICATE));
    return List.copyOf(out);
  }
}
