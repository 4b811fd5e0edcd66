package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.catalogue.AppealRoute;
import id.saksi.core.domain.catalogue.CandidateStage;
import id.saksi.core.domain.catalogue.ElectionKind;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the rules of a case need to know about its past, and nothing more: its status, the
 * facts of each step reached (dates, parties, the sanction), the overdue branch, and the positions
 * of its records. Personal data is not here: the state holds no digest and no name.
 *
 * <p>Immutable; its size is bounded by the workflow (a few hundred bytes plus one log entry per
 * record), whatever the size of the ledger.
 *
 * @param subject the case
 * @param status where it stands
 * @param opening how it began
 * @param registration its registration, once registered
 * @param inquiry verification and clarifications
 * @param assessment the assessment, once assessed
 * @param forwarding the forwarding to the recommending authority, if forwarded
 * @param recommendation the recommendation, once recommended
 * @param proceedings the PPK's summonses and examinations
 * @param sanction the sanction in force or proposed (replaced if an objection modified it)
 * @param delivery the delivery of the decision
 * @param appeal the appeal, if one was filed
 * @param enforcement in force, served, registered in I'DIS
 * @param overdue the overdue branch
 * @param closure the closure, once closed
 * @param log the positions, types and signers of its records
 */
public record CaseState(
    Subject subject,
    CaseStatus status,
    Opening opening,
    Optional<Registration> registration,
    Inquiry inquiry,
    Optional<Assessment> assessment,
    Optional<Forwarding> forwarding,
    Optional<Recommendation> recommendation,
    Proceedings proceedings,
    Optional<Sanction> sanction,
    Optional<Delivery> delivery,
    Optional<Appeal> appeal,
    Enforcement enforcement,
    Overdue overdue,
    Optional<Closure> closure,
    RecordLog log) {

  /** How the case began. */
  public record Opening(
      Origin origin,
      AgencyCode intake,
      String election,
      ElectionKind electionKind,
      AgencyCode unit,
      AgencyCode ppk,
      AgencyKind ppkKind,
      LocalDate openedOn,
      Optional<LocalDate> knownOn,
      CandidateStage reportedStage) {}

  /** The registration and the deadlines it started. */
  public record Registration(
      LocalDate registeredOn,
      LocalDate verificationDueOn,
      LocalDate assessmentDueOn,
      boolean extended) {}

  /** Verification and clarifications. */
  public record Inquiry(
      Optional<LocalDate> verifiedOn,
      boolean verifiedLate,
      int clarifications,
      Optional<LocalDate> lastClarifiedOn) {
    static final Inquiry NONE = new Inquiry(Optional.empty(), false, 0, Optional.empty());
  }

  /** The assessment. */
  public record Assessment(
      AgencyCode assessor,
      LocalDate assessedOn,
      AssessmentOutcome outcome,
      CandidateStage stage,
      List<String> forms,
      boolean late) {
    public Assessment {
      forms = List.copyOf(forms);
    }
  }

  /** The forwarding to the recommending authority. */
  public record Forwarding(AgencyCode to, LocalDate forwardedOn) {}

  /** The recommendation to the PPK. */
  public record Recommendation(
      Position at,
      AgencyCode authority,
      LocalDate recommendedOn,
      String track,
      String level,
      LocalDate dueOn) {}

  /** The PPK's summonses and examinations. */
  public record Proceedings(
      int summonses,
      Optional<LocalDate> lastSummonedOn,
      int examinations,
      boolean examinedByTeam,
      Optional<LocalDate> lastExaminedOn) {
    static final Proceedings NONE =
        new Proceedings(0, Optional.empty(), 0, false, Optional.empty());
  }

  /** The sanction decided (or as modified on objection). */
  public record Sanction(
      Position decisionAt,
      LocalDate decidedOn,
      String level,
      String form,
      int durationMonths,
      LocalDate effectiveOn,
      AppealRoute appealRoute,
      LocalDate deliveryDueOn,
      boolean followsRecommendation) {}

  /** The delivery of the decision and the appeal window it opened. */
  public record Delivery(LocalDate deliveredOn, LocalDate appealDueOn, boolean late) {}

  /** The appeal. */
  public record Appeal(
      Position filedAt,
      AppealKind kind,
      LocalDate filedOn,
      Optional<LocalDate> answerDueOn,
      Optional<LocalDate> answeredOn,
      Optional<AppealOutcome> outcome,
      Optional<LocalDate> decidedOn) {}

  /** The sanction's life after it became final. */
  public record Enforcement(
      Optional<LocalDate> inForceOn,
      Optional<LocalDate> servedOn,
      Optional<LocalDate> disciplineRecordedOn) {
    static final Enforcement NONE =
        new Enforcement(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The overdue branch: what was done because the PPK did not act in time. */
  public record Overdue(
      int reminders,
      Optional<LocalDate> lastReminderOn,
      Optional<LocalDate> reprimandedOn,
      boolean blocked,
      Optional<LocalDate> blockedOn) {
    static final Overdue NONE =
        new Overdue(0, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** The closure. */
  public record Closure(
      ClosureReason reason,
      LocalDate closedOn,
      Optional<NotRegisteredReason> notRegisteredReason) {}

  /** A new case. */
  static CaseState opened(Subject subject, Opening opening, RecordLog log) {
    return new CaseState(
        subject,
        CaseStatus.RECEIVED,
        opening,
        Optional.empty(),
        Inquiry.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Proceedings.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Enforcement.NONE,
        Overdue.NONE,
        Optional.empty(),
        log);
  }

  /** The date of the most recent step of the main workflow, for ordering checks. */
  public LocalDate lastStepOn() {
    LocalDate last = opening.openedOn();
    last = max(last, registration.map(Registration::registeredOn));
    last = max(last, inquiry.verifiedOn());
    last = max(last, inquiry.lastClarifiedOn());
    last = max(last, assessment.map(Assessment::assessedOn));
    last = max(last, forwarding.map(Forwarding::forwardedOn));
    last = max(last, recommendation.map(Recommendation::recommendedOn));
    last = max(last, proceedings.lastSummonedOn());
    last = max(last, proceedings.lastExaminedOn());
    last = max(last, sanction.map(Sanction::decidedOn));
    last = max(last, delivery.map(Delivery::deliveredOn));
    last = max(last, appeal.map(Appeal::filedOn));
    last = max(last, appeal.flatMap(Appeal::decidedOn));
    last = max(last, enforcement.inForceOn());
    last = max(last, enforcement.servedOn());
    return last;
  }

  private static LocalDate max(LocalDate a, Optional<LocalDate> b) {
    return b.isPresent() && b.get().isAfter(a) ? b.get() : a;
  }

  CaseState with(CaseStatus s) {
    return new CaseState(
        subject,
        s,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState withRegistration(Registration r) {
    return new CaseState(
        subject,
        status,
        opening,
        Optional.of(r),
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Inquiry i) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        i,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Assessment a) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        Optional.of(a),
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Forwarding f) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        Optional.of(f),
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Recommendation r) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        Optional.of(r),
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Proceedings p) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        p,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Sanction s) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        Optional.of(s),
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Delivery d) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        Optional.of(d),
        appeal,
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Appeal a) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        Optional.of(a),
        enforcement,
        overdue,
        closure,
        log);
  }

  CaseState with(Enforcement e) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        e,
        overdue,
        closure,
        log);
  }

  CaseState with(Overdue o) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        o,
        closure,
        log);
  }

  CaseState with(Closure c) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        Optional.of(c),
        log);
  }

  CaseState with(RecordLog l) {
    return new CaseState(
        subject,
        status,
        opening,
        registration,
        inquiry,
        assessment,
        forwarding,
        recommendation,
        proceedings,
        sanction,
        delivery,
        appeal,
        enforcement,
        overdue,
        closure,
        l);
  }
}
