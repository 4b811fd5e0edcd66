package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.calendar.CalendarNotCoveredException;
import id.saksi.core.domain.catalogue.AppealRoute;
import id.saksi.core.domain.catalogue.AuthorityPeriod;
import id.saksi.core.domain.catalogue.CandidateStage;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.catalogue.Deadline;
import id.saksi.core.domain.catalogue.DeadlineId;
import id.saksi.core.domain.catalogue.Election;
import id.saksi.core.domain.catalogue.SanctionForm;
import id.saksi.core.domain.catalogue.SanctionLevel;
import id.saksi.core.domain.catalogue.Track;
import id.saksi.core.domain.catalogue.ViolationForm;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.Decision;
import id.saksi.core.domain.rule.Guard;
import id.saksi.core.domain.rule.RejectedException;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * decide and evolve for violation cases, DOMAIN.md steps 1 to 8. Every rule of {@link CaseRules}
 * lives in {@link #decide}; {@link #evolve} only applies what decide accepted, and never throws on
 * a history decide produced.
 */
public final class CaseDecider {
  private CaseDecider() {}

  /** The events {@code command} produces for {@code subject} in {@code state}, or why not. */
  public static Decision<CaseEvent> decide(
      Subject subject, CaseCommand command, Optional<CaseState> state, Context ctx) {
    Guard g = new Guard(subject, state.map(s -> s.status().name()).orElse("NONE"));
    try {
      return Decision.accept(decideOrThrow(subject, command, state, ctx, g));
    } catch (RejectedException e) {
      return Decision.reject(e.rejection());
    }
  }

  private static CaseEvent decideOrThrow(
      Subject subject, CaseCommand command, Optional<CaseState> state, Context ctx, Guard g)
      throws RejectedException {
    AgencyInfo actor = g.actor(ctx);
    Catalogue cat = g.catalogue(ctx);
    String type = command.type();
    if (command instanceof ReportCaseCommand || command instanceof FindCaseCommand) {
      g.check(
          state.isEmpty(),
          CaseRules.UNIQUE,
          () ->
              subject
                  + " already exists (opened at position "
                  + state.orElseThrow().log().first().orElseThrow().position()
                  + "); choose a new case ID");
      return open(command, actor, cat, ctx, g);
    }
    if (state.isEmpty()) {
      throw g.fail(
          CaseRules.EXISTS, subject + " does not exist; open it with case.reported or case.found");
    }
    CaseState s = state.get();
    if (s.status() == CaseStatus.CLOSED && !(command instanceof CorrectRecordCommand)) {
      CaseState.Closure closure = s.closure().orElseThrow();
      throw g.fail(
          CaseRules.OPEN,
          subject
              + " was closed ("
              + closure.reason()
              + ", "
              + closure.closedOn()
              + "); only case.corrected may follow");
    }
    Set<CaseStatus> from = CaseRules.from(type);
    g.check(
        from.contains(s.status()),
        CaseRules.fromState(type),
        () ->
            type
                + " cannot follow state "
                + s.status()
                + "; it follows "
                + names(from)
                + nextSteps(s.status()));
    CaseState.Opening o = s.opening();
    if (command instanceof RegisterCaseCommand) {
      RegisterCaseCommand c = (RegisterCaseCommand) command;
      requireAgency(g, actor, type, o.intake(), "which received the report or made the finding");
      g.notBefore("registeredOn", c.registeredOn(), "the case was opened", o.openedOn());
      g.notFuture(ctx, "registeredOn", c.registeredOn());
      g.letterMatchesDate(c.number(), "registeredOn", c.registeredOn());
      if (o.origin() == Origin.REPORT) {
        Deadline d = cat.deadline(DeadlineId.REPORT_FILING, o.electionKind());
        LocalDate known = o.knownOn().orElseThrow();
        LocalDate due = due(g, cat, d, known);
        g.check(
            !o.openedOn().isAfter(due),
            CaseRules.REPORT_IN_TIME,
            d::ref,
            () ->
                "the report was received on "
                    + o.openedOn()
                    + ", after its deadline of "
                    + due
                    + " ("
                    + d.describe()
                    + " from "
                    + known
                    + ", when the violation became known); record case.not-registered with"
                    + " reason LATE");
      } else {
        Deadline d = cat.deadline(DeadlineId.FINDING_SETTING, o.electionKind());
        LocalDate due = due(g, cat, d, o.openedOn());
        g.check(
            !c.registeredOn().isAfter(due),
            CaseRules.FINDING_IN_TIME,
            d::ref,
            () ->
                "the finding of "
                    + o.openedOn()
                    + " is registered on "
                    + c.registeredOn()
                    + ", after its deadline of "
                    + due
                    + " ("
                    + d.describe()
                    + "); record case.not-registered with reason LATE");
      }
      LocalDate verificationDue =
          due(g, cat, cat.deadline(DeadlineId.VERIFICATION, o.electionKind()), c.registeredOn());
      LocalDate assessmentDue =
          due(g, cat, cat.deadline(DeadlineId.ASSESSMENT, o.electionKind()), c.registeredOn());
      return new CaseRegisteredEvent(ctx.meta(), c, verificationDue, assessmentDue);
    }
    if (command instanceof RefuseRegistrationCommand) {
      RefuseRegistrationCommand c = (RefuseRegistrationCommand) command;
      requireAgency(g, actor, type, o.intake(), "which received the report or made the finding");
      g.notBefore("decidedOn", c.decidedOn(), "the case was opened", o.openedOn());
      g.notFuture(ctx, "decidedOn", c.decidedOn());
      return new CaseNotRegisteredEvent(ctx.meta(), c);
    }
    if (command instanceof VerifyCaseCommand) {
      VerifyCaseCommand c = (VerifyCaseCommand) command;
      requireKinds(g, actor, type, CaseRules.TASK_FORCE);
      CaseState.Registration r = s.registration().orElseThrow();
      g.notBefore("verifiedOn", c.verifiedOn(), "the registration", r.registeredOn());
      g.notFuture(ctx, "verifiedOn", c.verifiedOn());
      return new CaseVerifiedEvent(ctx.meta(), c, c.verifiedOn().isAfter(r.verificationDueOn()));
    }
    if (command instanceof ClarifyCaseCommand) {
      ClarifyCaseCommand c = (ClarifyCaseCommand) command;
      requireKinds(g, actor, type, CaseRules.ASSESSORS);
      g.notBefore(
          "clarifiedOn",
          c.clarifiedOn(),
          "the verification",
          s.inquiry().verifiedOn().orElseThrow());
      g.notFuture(ctx, "clarifiedOn", c.clarifiedOn());
      return new CaseClarifiedEvent(ctx.meta(), c);
    }
    if (command instanceof ExtendAssessmentCommand) {
      ExtendAssessmentCommand c = (ExtendAssessmentCommand) command;
      requireKinds(g, actor, type, CaseRules.ASSESSORS);
      CaseState.Registration r = s.registration().orElseThrow();
      g.check(
          !r.extended(),
          CaseRules.EXTEND_ONCE,
          () -> "the assessment period was already extended, to " + r.assessmentDueOn());
      Deadline d = cat.deadline(DeadlineId.ASSESSMENT, o.electionKind());
      g.check(
          d.extension().isPresent(),
          CaseRules.EXTEND_ALLOWED,
          d::ref,
          () -> "the assessment deadline for " + o.electionKind() + " cannot be extended");
      g.notBefore(
          "extendedOn", c.extendedOn(), "the verification", s.inquiry().verifiedOn().orElseThrow());
      g.notFuture(ctx, "extendedOn", c.extendedOn());
      LocalDate newDue;
      try {
        newDue = d.extendedDueDate(r.registeredOn(), cat.calendar()).orElseThrow();
      } catch (CalendarNotCoveredException e) {
        throw g.calendarGap(cat, e);
      }
      return new AssessmentExtendedEvent(ctx.meta(), c, newDue);
    }
    if (command instanceof AssessCaseCommand) {
      AssessCaseCommand c = (AssessCaseCommand) command;
      requireKinds(g, actor, type, CaseRules.ASSESSORS);
      g.notBefore(
          "assessedOn",
          c.assessedOn(),
          "the last clarification",
          s.inquiry().lastClarifiedOn().orElseThrow());
      g.notFuture(ctx, "assessedOn", c.assessedOn());
      for (String code : c.forms()) {
        checkForm(g, cat, code, c.candidateStage(), "forms");
      }
      return new CaseAssessedEvent(
          ctx.meta(), c, c.assessedOn().isAfter(s.registration().orElseThrow().assessmentDueOn()));
    }
    CaseState.Assessment a = s.assessment().orElse(null);
    if (command instanceof ForwardCaseCommand) {
      ForwardCaseCommand c = (ForwardCaseCommand) command;
      requireAgency(g, actor, type, a.assessor(), "which assessed the case");
      g.notBefore("forwardedOn", c.forwardedOn(), "the assessment", a.assessedOn());
      g.notFuture(ctx, "forwardedOn", c.forwardedOn());
      g.letterMatchesDate(c.number(), "forwardedOn", c.forwardedOn());
      Optional<AuthorityPeriod> authority = cat.authorityOn(c.forwardedOn());
      Optional<AgencyInfo> to = ctx.registry().agency(c.to());
      g.check(
          authority.isPresent()
              && to.isPresent()
              && !to.get().dissolvedBy(ctx.position())
              && to.get().kind() == authority.get().kind(),
          CaseRules.FORWARD_TO_AUTHORITY,
          () -> authority.map(AuthorityPeriod::ref).orElse(cat.label() + ", authorities"),
          () ->
              authority.isEmpty()
                  ? "no body holds the recommending authority on "
                      + c.forwardedOn()
                      + " in "
                      + cat.label()
                  : to.isEmpty()
                      ? "agency " + c.to() + " is not registered"
                      : "on "
                          + c.forwardedOn()
                          + " the recommending authority is "
                          + authority.get().kind()
                          + ", but "
                          + c.to()
                          + " is "
                          + to.get().kind()
                          + (to.get().dissolvedBy(ctx.position()) ? " and dissolved" : ""));
      return new CaseForwardedEvent(ctx.meta(), c);
    }
    if (command instanceof RecommendSanctionCommand) {
      RecommendSanctionCommand c = (RecommendSanctionCommand) command;
      Optional<AuthorityPeriod> authority = cat.authorityOn(c.recommendedOn());
      g.check(
          authority.isPresent() && actor.kind() == authority.get().kind(),
          CaseRules.signer(type),
          () -> authority.map(AuthorityPeriod::ref).orElse(cat.label() + ", authorities"),
          () ->
              authority.isEmpty()
                  ? "no body holds the recommending authority on " + c.recommendedOn()
                  : "on "
                      + c.recommendedOn()
                      + " recommendations are issued by "
                      + authority.get().kind()
                      + ", not by "
                      + actor.code()
                      + " ("
                      + actor.kind()
                      + ")");
      if (s.status() == CaseStatus.FORWARDED) {
        AgencyCode to = s.forwarding().orElseThrow().to();
        // A file forwarded to a body whose authority has since passed to another kind moves with
        // the authority (SE MenPANRB 4/2024: KASN's unprocessed files went to BKN) [S2].
        boolean handedOver =
            ctx.registry().agency(to).map(x -> x.kind() != authority.get().kind()).orElse(true);
        g.check(
            actor.code().equals(to) || handedOver,
            CaseRules.RECOMMEND_FORWARDED_TO,
            () ->
                "the case was forwarded to "
                    + to
                    + "; "
                    + actor.code()
                    + " cannot recommend on it");
      }
      g.notBefore("recommendedOn", c.recommendedOn(), "the previous step", s.lastStepOn());
      g.notFuture(ctx, "recommendedOn", c.recommendedOn());
      g.letterMatchesDate(c.number(), "recommendedOn", c.recommendedOn());
      List<ViolationForm> proven = proven(cat, a);
      Set<String> tracks = new LinkedHashSet<>();
      for (ViolationForm f : proven) {
        tracks.add(f.track());
      }
      g.check(
          tracks.contains(c.track()),
          CaseRules.RECOMMEND_TRACK,
          () -> refs(proven),
          () ->
              "track "
                  + c.track()
                  + " is not the track of a proven form ("
                  + String.join(", ", a.forms())
                  + "); it is "
                  + String.join(" or ", tracks));
      List<ViolationForm> ofTrack = new ArrayList<>();
      Set<String> allowed = new LinkedHashSet<>();
      for (ViolationForm f : proven) {
        if (f.track().equals(c.track())) {
          ofTrack.add(f);
          allowed.addAll(f.allowedLevels());
        }
      }
      g.check(
          allowed.contains(c.level()),
          CaseRules.RECOMMEND_LEVEL,
          () -> refs(ofTrack),
          () ->
              "level "
                  + c.level()
                  + " is not allowed for the proven forms; allowed: "
                  + String.join(", ", allowed));
      g.check(
          c.addressedTo().equals(o.ppk()),
          CaseRules.RECOMMEND_ADDRESSEE,
          () ->
              "the PPK of the reported civil servant is at "
                  + o.ppk()
                  + "; address the recommendation there, not to "
                  + c.addressedTo());
      LocalDate dueOn;
      if (c.dueOn().isPresent()) {
        dueOn = c.dueOn().get();
        g.check(
            dueOn.isAfter(c.recommendedOn()),
            CaseRules.RECOMMEND_DUE,
            () -> "dueOn " + dueOn + " is not after recommendedOn " + c.recommendedOn());
      } else {
        dueOn =
            due(
                g,
                cat,
                cat.deadline(DeadlineId.PPK_FOLLOW_UP, o.electionKind()),
                c.recommendedOn());
      }
      return new SanctionRecommendedEvent(ctx.meta(), c, dueOn);
    }
    CaseState.Recommendation rec = s.recommendation().orElse(null);
    if (command instanceof SummonAsnCommand) {
      SummonAsnCommand c = (SummonAsnCommand) command;
      requirePpkSide(g, ctx, actor, type, o);
      g.notBefore("summonedOn", c.summonedOn(), "the previous step", s.lastStepOn());
      g.notBefore("hearingOn", c.hearingOn(), "summonedOn", c.summonedOn());
      g.notFuture(ctx, "summonedOn", c.summonedOn());
      g.letterMatchesDate(c.number(), "summonedOn", c.summonedOn());
      return new AsnSummonedEvent(ctx.meta(), c);
    }
    if (command instanceof ExamineAsnCommand) {
      ExamineAsnCommand c = (ExamineAsnCommand) command;
      requirePpkSide(g, ctx, actor, type, o);
      g.notBefore("examinedOn", c.examinedOn(), "the previous step", s.lastStepOn());
      g.notFuture(ctx, "examinedOn", c.examinedOn());
      return new AsnExaminedEvent(ctx.meta(), c);
    }
    if (command instanceof DecideSanctionCommand) {
      DecideSanctionCommand c = (DecideSanctionCommand) command;
      requireAgency(g, actor, type, o.ppk(), "the PPK of the reported civil servant");
      g.notBefore("decidedOn", c.decidedOn(), "the previous step", s.lastStepOn());
      g.notBefore("effectiveOn", c.effectiveOn(), "decidedOn", c.decidedOn());
      g.notFuture(ctx, "decidedOn", c.decidedOn());
      g.letterMatchesDate(c.number(), "decidedOn", c.decidedOn());
      SanctionForm form = checkSanction(g, cat, s, c.level(), c.form(), c.durationMonths());
      LocalDate deliveryDue =
          due(g, cat, cat.deadline(DeadlineId.DECISION_DELIVERY, o.electionKind()), c.decidedOn());
      return new SanctionDecidedEvent(
          ctx.meta(), c, form.appeal(), deliveryDue, c.level().equals(rec.level()));
    }
    CaseState.Sanction sanction = s.sanction().orElse(null);
    if (command instanceof DeliverDecisionCommand) {
      DeliverDecisionCommand c = (DeliverDecisionCommand) command;
      requirePpkSide(g, ctx, actor, type, o);
      reference(g, c.decision(), "decision", "sanction decision", sanction.decisionAt());
      g.notBefore("deliveredOn", c.deliveredOn(), "the decision", sanction.decidedOn());
      g.notFuture(ctx, "deliveredOn", c.deliveredOn());
      LocalDate appealDue;
      switch (sanction.appealRoute()) {
        case OBJECTION:
          appealDue =
              due(
                  g,
                  cat,
                  cat.deadline(DeadlineId.OBJECTION_FILING, o.electionKind()),
                  c.deliveredOn());
          break;
        case ADMINISTRATIVE_APPEAL:
          appealDue =
              due(
                  g,
                  cat,
                  cat.deadline(DeadlineId.ADMINISTRATIVE_APPEAL_FILING, o.electionKind()),
                  c.deliveredOn());
          break;
        default:
          appealDue = c.deliveredOn();
          break;
      }
      return new DecisionDeliveredEvent(
          ctx.meta(), c, appealDue, c.deliveredOn().isAfter(sanction.deliveryDueOn()));
    }
    if (command instanceof FileAppealCommand) {
      FileAppealCommand c = (FileAppealCommand) command;
      reference(g, c.decision(), "decision", "sanction decision", sanction.decisionAt());
      SanctionForm form = cat.sanctionForm(sanction.form()).orElse(null);
      AppealRoute route = sanction.appealRoute();
      boolean routeOk =
          (c.kind() == AppealKind.OBJECTION && route == AppealRoute.OBJECTION)
              || (c.kind() == AppealKind.ADMINISTRATIVE_APPEAL
                  && route == AppealRoute.ADMINISTRATIVE_APPEAL);
      g.check(
          routeOk,
          CaseRules.APPEAL_ROUTE,
          () -> form != null ? form.ref() : CaseRules.APPEAL_ROUTE.source(),
          () ->
              route == AppealRoute.NONE
                  ? "the sanction " + sanction.form() + " cannot be appealed"
                  : "the sanction "
                      + sanction.form()
                      + " is challenged by "
                      + route
                      + ", not by "
                      + c.kind()
                      + (c.kind() == AppealKind.ADMINISTRATIVE_APPEAL
                          ? "; an administrative appeal to BPASN is for dismissal only"
                          : ""));
      requireAppealBody(g, ctx, actor, type, c.kind(), o);
      CaseState.Delivery d = s.delivery().orElseThrow();
      g.notBefore("filedOn", c.filedOn(), "the delivery", d.deliveredOn());
      g.notFuture(ctx, "filedOn", c.filedOn());
      g.letterMatchesDate(c.number(), "filedOn", c.filedOn());
      Deadline window =
          cat.deadline(
              c.kind() == AppealKind.OBJECTION
                  ? DeadlineId.OBJECTION_FILING
                  : DeadlineId.ADMINISTRATIVE_APPEAL_FILING,
              o.electionKind());
      g.check(
          !c.filedOn().isAfter(d.appealDueOn()),
          CaseRules.APPEAL_IN_TIME,
          window::ref,
          () ->
              "the appeal window closed on "
                  + d.appealDueOn()
                  + " ("
                  + window.describe()
                  + " after delivery on "
                  + d.deliveredOn()
                  + "); an appeal filed on "
                  + c.filedOn()
                  + " is late");
      Optional<LocalDate> answerDue = Optional.empty();
      if (c.kind() == AppealKind.ADMINISTRATIVE_APPEAL) {
        answerDue =
            Optional.of(
                due(g, cat, cat.deadline(DeadlineId.APPEAL_ANSWER, o.electionKind()), c.filedOn()));
      }
      return new AppealFiledEvent(ctx.meta(), c, answerDue);
    }
    CaseState.Appeal appeal = s.appeal().orElse(null);
    if (command instanceof AnswerAppealCommand) {
      AnswerAppealCommand c = (AnswerAppealCommand) command;
      requireAgency(g, actor, type, o.ppk(), "the PPK whose decision is appealed");
      reference(g, c.appeal(), "appeal", "appeal", appeal.filedAt());
      g.check(
          appeal.kind() == AppealKind.ADMINISTRATIVE_APPEAL && appeal.answeredOn().isEmpty(),
          CaseRules.APPEAL_ANSWER,
          () ->
              appeal.kind() != AppealKind.ADMINISTRATIVE_APPEAL
                  ? "an objection is not answered by the PPK; only an administrative appeal is"
                  : "the appeal was already answered on " + appeal.answeredOn().orElseThrow());
      g.notBefore("answeredOn", c.answeredOn(), "the filing", appeal.filedOn());
      g.notFuture(ctx, "answeredOn", c.answeredOn());
      g.letterMatchesDate(c.number(), "answeredOn", c.answeredOn());
      return new AppealAnsweredEvent(
          ctx.meta(), c, c.answeredOn().isAfter(appeal.answerDueOn().orElseThrow()));
    }
    if (command instanceof DecideAppealCommand) {
      DecideAppealCommand c = (DecideAppealCommand) command;
      reference(g, c.appeal(), "appeal", "appeal", appeal.filedAt());
      requireAppealBody(g, ctx, actor, type, appeal.kind(), o);
      g.check(
          appeal.kind() != AppealKind.ADMINISTRATIVE_APPEAL
              || c.outcome() != AppealOutcome.MODIFIED,
          CaseRules.APPEAL_BPASN_OUTCOME,
          () -> "BPASN upholds or annuls a dismissal; it does not modify it");
      LocalDate after = appeal.answeredOn().orElse(appeal.filedOn());
      g.notBefore("decidedOn", c.decidedOn(), "the filing or answer", after);
      g.notFuture(ctx, "decidedOn", c.decidedOn());
      g.letterMatchesDate(c.number(), "decidedOn", c.decidedOn());
      if (c.modified().isPresent()) {
        ModifiedSanction m = c.modified().get();
        g.notBefore("modified.effectiveOn", m.effectiveOn(), "decidedOn", c.decidedOn());
        checkSanction(g, cat, s, m.level(), m.form(), m.durationMonths());
      }
      return new AppealDecidedEvent(ctx.meta(), c);
    }
    if (command instanceof RecordInForceCommand) {
      RecordInForceCommand c = (RecordInForceCommand) command;
      requirePpkSide(g, ctx, actor, type, o);
      reference(g, c.decision(), "decision", "sanction decision", sanction.decisionAt());
      CaseState.Delivery d = s.delivery().orElseThrow();
      boolean lapsed =
          sanction.appealRoute() == AppealRoute.NONE
              ? !c.inForceOn().isBefore(d.deliveredOn())
              : c.inForceOn().isAfter(d.appealDueOn());
      g.check(
          lapsed,
          CaseRules.IN_FORCE_WINDOW,
          () ->
              "the appeal window is open until "
                  + d.appealDueOn()
                  + "; the sanction is in force only from the day after");
      g.notFuture(ctx, "inForceOn", c.inForceOn());
      return new SanctionInForceEvent(ctx.meta(), c);
    }
    if (command instanceof RecordServedCommand) {
      RecordServedCommand c = (RecordServedCommand) command;
      requirePpkSide(g, ctx, actor, type, o);
      LocalDate end = sanction.effectiveOn().plusMonths(sanction.durationMonths());
      g.check(
          !c.servedOn().isBefore(end),
          CaseRules.SERVED_DURATION,
          () ->
              cat.sanctionForm(sanction.form())
                  .map(SanctionForm::ref)
                  .orElse(CaseRules.SERVED_DURATION.source()),
          () ->
              "the sanction "
                  + sanction.form()
                  + " runs from "
                  + sanction.effectiveOn()
                  + " for "
                  + sanction.durationMonths()
                  + " months, until "
                  + end
                  + "; it is not served on "
                  + c.servedOn());
      g.notBefore("servedOn", c.servedOn(), "the previous step", s.lastStepOn());
      g.notFuture(ctx, "servedOn", c.servedOn());
      return new SanctionServedEvent(ctx.meta(), c);
    }
    if (command instanceof RecordDisciplineRegisterCommand) {
      RecordDisciplineRegisterCommand c = (RecordDisciplineRegisterCommand) command;
      requireKinds(g, actor, type, EnumSet.of(AgencyKind.BKN));
      g.check(
          s.enforcement().disciplineRecordedOn().isEmpty(),
          CaseRules.DISCIPLINE_ONCE,
          () ->
              "the I'DIS entry was already recorded on "
                  + s.enforcement().disciplineRecordedOn().orElseThrow());
      g.notBefore(
          "recordedOn",
          c.recordedOn(),
          "the sanction in force",
          s.enforcement().inForceOn().orElseThrow());
      g.notFuture(ctx, "recordedOn", c.recordedOn());
      return new DisciplineRecordedEvent(ctx.meta(), c);
    }
    if (command instanceof SendReminderCommand) {
      SendReminderCommand c = (SendReminderCommand) command;
      Optional<AuthorityPeriod> authority = cat.authorityOn(c.sentOn());
      g.check(
          authority.isPresent() && actor.kind() == authority.get().kind(),
          CaseRules.signer(type),
          () -> authority.map(AuthorityPeriod::ref).orElse(cat.label() + ", authorities"),
          () ->
              authority.isEmpty()
                  ? "no body holds the recommending authority on " + c.sentOn()
                  : "on "
                      + c.sentOn()
                      + " reminders are sent by "
                      + authority.get().kind()
                      + ", not by "
                      + actor.code()
                      + " ("
                      + actor.kind()
                      + ")");
      overdue(g, rec, "sentOn", c.sentOn(), "a reminder");
      g.notFuture(ctx, "sentOn", c.sentOn());
      g.letterMatchesDate(c.number(), "sentOn", c.sentOn());
      return new ReminderSentEvent(ctx.meta(), c);
    }
    if (command instanceof ReprimandRegionalHeadCommand) {
      ReprimandRegionalHeadCommand c = (ReprimandRegionalHeadCommand) command;
      requireKinds(g, actor, type, EnumSet.of(AgencyKind.KEMENDAGRI));
      g.check(
          o.ppkKind() == AgencyKind.REGIONAL_GOVERNMENT && s.overdue().reprimandedOn().isEmpty(),
          CaseRules.REPRIMAND_REGIONAL,
          () ->
              o.ppkKind() != AgencyKind.REGIONAL_GOVERNMENT
                  ? "the PPK at "
                      + o.ppk()
                      + " is a "
                      + o.ppkKind()
                      + ", not a regional head; Kemendagri reprimands regional heads"
                  : "the regional head was already reprimanded on "
                      + s.overdue().reprimandedOn().orElseThrow());
      overdue(g, rec, "reprimandedOn", c.reprimandedOn(), "a reprimand");
      g.notFuture(ctx, "reprimandedOn", c.reprimandedOn());
      g.letterMatchesDate(c.number(), "reprimandedOn", c.reprimandedOn());
      LocalDate responseDue =
          due(
              g,
              cat,
              cat.deadline(DeadlineId.REGIONAL_HEAD_RESPONSE, o.electionKind()),
              c.reprimandedOn());
      return new RegionalHeadReprimandedEvent(ctx.meta(), c, responseDue);
    }
    if (command instanceof BlockPersonnelDataCommand) {
      BlockPersonnelDataCommand c = (BlockPersonnelDataCommand) command;
      requireKinds(g, actor, type, EnumSet.of(AgencyKind.BKN));
      g.check(
          !s.overdue().blocked(),
          CaseRules.BLOCK_ONCE,
          () ->
              "personnel services are already blocked since "
                  + s.overdue().blockedOn().orElseThrow());
      overdue(g, rec, "blockedOn", c.blockedOn(), "a block");
      g.notFuture(ctx, "blockedOn", c.blockedOn());
      g.letterMatchesDate(c.number(), "blockedOn", c.blockedOn());
      return new PersonnelDataBlockedEvent(ctx.meta(), c);
    }
    if (command instanceof UnblockPersonnelDataCommand) {
      UnblockPersonnelDataCommand c = (UnblockPersonnelDataCommand) command;
      requireKinds(g, actor, type, EnumSet.of(AgencyKind.BKN));
      g.check(
          s.overdue().blocked(),
          CaseRules.UNBLOCK_BLOCKED,
          () -> "personnel services of this case are not blocked");
      g.check(
          c.reason() != UnblockReason.PPK_ACTED || s.sanction().isPresent(),
          CaseRules.UNBLOCK_PPK_ACTED,
          () ->
              "the PPK has not decided a sanction yet (the case is "
                  + s.status()
                  + "); lift the block with reason PPK_ACTED after case.sanction-decided");
      g.notBefore(
          "unblockedOn", c.unblockedOn(), "the block", s.overdue().blockedOn().orElseThrow());
      g.notFuture(ctx, "unblockedOn", c.unblockedOn());
      g.letterMatchesDate(c.number(), "unblockedOn", c.unblockedOn());
      return new PersonnelDataUnblockedEvent(ctx.meta(), c);
    }
    if (command instanceof CorrectRecordCommand) {
      CorrectRecordCommand c = (CorrectRecordCommand) command;
      Optional<RecordLog.Entry> target = s.log().find(c.corrects());
      g.check(
          target.isPresent() && !target.get().type().equals(CorrectRecordCommand.TYPE),
          CaseRules.CORRECT_REFERENCE,
          () ->
              target.isEmpty()
                  ? "position " + c.corrects() + " is not a record of " + subject
                  : "position "
                      + c.corrects()
                      + " is itself a correction; correct the original record instead");
      RecordLog.Entry t = target.get();
      g.check(
          actor.code().equals(t.author()),
          CaseRules.signer(type),
          () ->
              "the record at position "
                  + t.position()
                  + " ("
                  + t.type()
                  + ") was signed by "
                  + t.author()
                  + "; only "
                  + t.author()
                  + " corrects it");
      Set<String> allowedFields = Correctable.of(t.type());
      List<String> names = new ArrayList<>();
      c.changes().propertyNames().forEach(names::add);
      for (String name : names) {
        g.check(
            allowedFields.contains(name),
            CaseRules.CORRECT_FIELDS,
            () ->
                allowedFields.isEmpty()
                    ? t.type() + " has no correctable fields"
                    : "field \""
                        + name
                        + "\" of "
                        + t.type()
                        + " cannot be corrected; correctable: "
                        + String.join(", ", allowedFields));
      }
      return new RecordCorrectedEvent(ctx.meta(), c, t.type());
    }
    CloseCaseCommand c = (CloseCaseCommand) command;
    closeChecks(g, ctx, actor, s, c, subject);
    return new CaseClosedEvent(ctx.meta(), c);
  }

  private static CaseEvent open(
      CaseCommand command, AgencyInfo actor, Catalogue cat, Context ctx, Guard g)
      throws RejectedException {
    String type = command.type();
    String election;
    ReportedPerson reported;
    Optional<String> alleged;
    CandidateStage stage;
    if (command instanceof ReportCaseCommand) {
      ReportCaseCommand c = (ReportCaseCommand) command;
      requireKinds(g, actor, type, CaseRules.INTAKE);
      g.notBefore("knownOn", c.knownOn(), "occurredOn", c.occurredOn());
      g.notBefore("receivedOn", c.receivedOn(), "knownOn", c.knownOn());
      g.notFuture(ctx, "receivedOn", c.receivedOn());
      election = c.election();
      reported = c.reported();
      alleged = c.allegedForm();
      stage = c.candidateStage();
    } else {
      FindCaseCommand c = (FindCaseCommand) command;
      requireKinds(g, actor, type, CaseRules.FINDERS);
      g.notBefore("foundOn", c.foundOn(), "occurredOn", c.occurredOn());
      g.notFuture(ctx, "foundOn", c.foundOn());
      election = c.election();
      reported = c.reported();
      alleged = c.allegedForm();
      stage = c.candidateStage();
    }
    Optional<Election> e = cat.election(election);
    g.check(
        e.isPresent(),
        CaseRules.ELECTION_KNOWN,
        () -> cat.label() + ", elections",
        () ->
            "election "
                + election
                + " is not in "
                + cat.label()
                + "; elections: "
                + String.join(", ", cat.elections().keySet()));
    Optional<AgencyInfo> unit = ctx.registry().agency(reported.unit());
    g.check(
        unit.isPresent(),
        CaseRules.UNIT_REGISTERED,
        () -> "the reported person's unit " + reported.unit() + " is not a registered agency");
    Optional<AgencyInfo> ppk = ctx.registry().ppkOf(reported.unit());
    g.check(
        ppk.isPresent(),
        CaseRules.UNIT_REGISTERED,
        () ->
            "no agency with a PPK is found at or above "
                + reported.unit()
                + "; the registrar must register the employing agency with ppk=true");
    if (alleged.isPresent()) {
      checkForm(g, cat, alleged.get(), stage, "allegedForm");
    }
    AgencyInfo p = ppk.get();
    if (command instanceof ReportCaseCommand) {
      return new CaseReportedEvent(
          ctx.meta(), (ReportCaseCommand) command, e.get().kind(), p.code(), p.kind());
    }
    return new CaseFoundEvent(
        ctx.meta(), (FindCaseCommand) command, e.get().kind(), p.code(), p.kind());
  }

  private static void closeChecks(
      Guard g, Context ctx, AgencyInfo actor, CaseState s, CloseCaseCommand c, Subject subject)
      throws RejectedException {
    CaseState.Opening o = s.opening();
    Set<CaseStatus> fits;
    boolean signerOk;
    String signers;
    Set<CaseStatus> beforeDecision =
        EnumSet.of(
            CaseStatus.RECEIVED,
            CaseStatus.REGISTERED,
            CaseStatus.VERIFIED,
            CaseStatus.CLARIFIED,
            CaseStatus.ASSESSED,
            CaseStatus.NO_VIOLATION,
            CaseStatus.REFERRED,
            CaseStatus.FORWARDED,
            CaseStatus.RECOMMENDED,
            CaseStatus.SUMMONED,
            CaseStatus.EXAMINED);
    boolean ppkSide = ctx.registry().isSelfOrUnitOf(actor.code(), o.ppk());
    switch (c.reason()) {
      case NOT_VERIFIED:
        fits = EnumSet.of(CaseStatus.REGISTERED);
        signerOk = CaseRules.TASK_FORCE.contains(actor.kind());
        signers = "a member of the joint task force";
        break;
      case NO_VIOLATION:
        fits = EnumSet.of(CaseStatus.NO_VIOLATION);
        signerOk = s.assessment().map(x -> x.assessor().equals(actor.code())).orElse(false);
        signers = "the agency that assessed the case";
        break;
      case REFERRED:
        fits = EnumSet.of(CaseStatus.REFERRED);
        signerOk = s.assessment().map(x -> x.assessor().equals(actor.code())).orElse(false);
        signers = "the agency that assessed the case";
        break;
      case DUPLICATE:
        fits =
            EnumSet.of(
                CaseStatus.RECEIVED,
                CaseStatus.REGISTERED,
                CaseStatus.VERIFIED,
                CaseStatus.CLARIFIED);
        signerOk = actor.code().equals(o.intake());
        signers = "the agency that opened the case (" + o.intake() + ")";
        break;
      case RECORDED_IN_ERROR:
        fits = beforeDecision;
        signerOk = actor.code().equals(o.intake());
        signers = "the agency that opened the case (" + o.intake() + ")";
        break;
      case EXAMINATION_NO_VIOLATION:
        fits = EnumSet.of(CaseStatus.EXAMINED);
        signerOk = actor.code().equals(o.ppk());
        signers = "the PPK (" + o.ppk() + ")";
        break;
      case ANNULLED:
        fits = EnumSet.of(CaseStatus.ANNULLED);
        signerOk = actor.code().equals(o.ppk());
        signers = "the PPK (" + o.ppk() + ")";
        break;
      case SERVED:
        fits = EnumSet.of(CaseStatus.SERVED);
        signerOk = ppkSide;
        signers = "the PPK's agency or one of its units";
        break;
      case SUBJECT_LEFT_SERVICE:
        fits = EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED));
        signerOk = ppkSide || actor.kind() == AgencyKind.BKN;
        signers = "the PPK's agency, one of its units, or BKN";
        break;
      default:
        fits = EnumSet.noneOf(CaseStatus.class);
        signerOk = false;
        signers = "nobody";
        break;
    }
    Set<CaseStatus> fitsFinal = fits;
    g.check(
        fits.contains(s.status()),
        CaseRules.CLOSE_REASON,
        () ->
            "reason "
                + c.reason()
                + " does not fit state "
                + s.status()
                + "; it closes a case in state "
                + names(fitsFinal));
    String signersFinal = signers;
    g.check(
        signerOk,
        CaseRules.signer(CloseCaseCommand.TYPE),
        () ->
            "a closure for "
                + c.reason()
                + " is signed by "
                + signersFinal
                + ", not by "
                + actor.code());
    g.check(
        !s.overdue().blocked(),
        CaseRules.CLOSE_NOT_BLOCKED,
        () ->
            "personnel services are blocked since "
                + s.overdue().blockedOn().orElseThrow()
                + "; record case.personnel-unblocked first");
    if (c.duplicateOf().isPresent()) {
      String other = c.duplicateOf().get();
      boolean valid;
      try {
        valid = Subject.parse("case/" + other).kind() != null;
      } catch (RecordParseException e) {
        valid = false;
      }
      boolean validFinal = valid;
      g.check(
          validFinal && !other.equals(subject.id()),
          CaseRules.CLOSE_DUPLICATE,
          () ->
              validFinal
                  ? "a case is not a duplicate of itself"
                  : "duplicateOf \"" + other + "\" is not a valid case ID");
    }
    g.notBefore("closedOn", c.closedOn(), "the previous step", s.lastStepOn());
    g.notFuture(ctx, "closedOn", c.closedOn());
  }

  private static void checkForm(
      Guard g, Catalogue cat, String code, CandidateStage stage, String field)
      throws RejectedException {
    Optional<ViolationForm> f = cat.violationForm(code);
    g.check(
        f.isPresent(),
        CaseRules.FORM_KNOWN,
        () -> cat.label() + ", violationForms",
        () ->
            field
                + " names "
                + code
                + ", which is not a form of "
                + cat.label()
                + "; forms: "
                + String.join(", ", cat.violationForms().keySet()));
    g.check(
        f.get().stages().contains(stage),
        CaseRules.FORM_STAGE,
        () -> f.get().ref(),
        () ->
            code
                + " applies at stage "
                + names(f.get().stages())
                + ", not "
                + stage
                + "; for a "
                + stage
                + " the act is a different form");
  }

  private static SanctionForm checkSanction(
      Guard g,
      Catalogue cat,
      CaseState s,
      String levelCode,
      String formCode,
      Optional<Integer> duration)
      throws RejectedException {
    Optional<SanctionForm> form = cat.sanctionForm(formCode);
    Optional<SanctionLevel> level = cat.level(levelCode);
    g.check(
        form.isPresent() && level.isPresent() && form.get().level().equals(levelCode),
        CaseRules.SANCTION_FORM,
        () -> form.map(SanctionForm::ref).orElse(cat.label() + ", sanctionForms"),
        () ->
            level.isEmpty()
                ? "level " + levelCode + " is not in " + cat.label()
                : form.isEmpty()
                    ? "form " + formCode + " is not in " + cat.label()
                    : "form "
                        + formCode
                        + " is of level "
                        + form.get().level()
                        + ", not "
                        + levelCode);
    List<ViolationForm> proven = proven(cat, s.assessment().orElseThrow());
    Set<String> allowed = new LinkedHashSet<>();
    for (ViolationForm f : proven) {
      allowed.addAll(f.allowedLevels());
    }
    g.check(
        allowed.contains(levelCode),
        CaseRules.SANCTION_LEVEL,
        () -> refs(proven),
        () ->
            "level "
                + levelCode
                + " is not allowed for the proven forms ("
                + String.join(", ", s.assessment().orElseThrow().forms())
                + "); allowed: "
                + String.join(", ", allowed));
    List<Integer> durations = form.get().durationsMonths();
    g.check(
        durations.isEmpty()
            ? duration.isEmpty()
            : duration.isPresent() && durations.contains(duration.get()),
        CaseRules.SANCTION_DURATION,
        () -> form.get().ref(),
        () ->
            durations.isEmpty()
                ? "form " + formCode + " has no duration; leave durationMonths out"
                : "form "
                    + formCode
                    + " lasts "
                    + durations
                    + " months; durationMonths is "
                    + duration.map(String::valueOf).orElse("missing"));
    Track track = cat.track(level.get().track()).orElseThrow();
    CaseState.Proceedings p = s.proceedings();
    g.check(
        !track.examinationRequired() || p.examinations() > 0,
        CaseRules.SANCTION_EXAMINED,
        track::ref,
        () ->
            "a sanction on the "
                + track.code()
                + " track follows an examination; record case.summoned and case.examined first");
    g.check(
        !level.get().examinationTeamRequired() || p.examinedByTeam(),
        CaseRules.SANCTION_TEAM,
        () -> level.get().ref(),
        () ->
            "a "
                + levelCode
                + " sanction requires an examination by a team; no examination of this case was"
                + " by a team");
    return form.get();
  }

  private static List<ViolationForm> proven(Catalogue cat, CaseState.Assessment a) {
    List<ViolationForm> out = new ArrayList<>();
    for (String code : a.forms()) {
      // A form proven under an earlier catalogue may be gone from a corrected one; only the
      // forms the catalogue in force still knows can allow a level.
      cat.violationForm(code).ifPresent(out::add);
    }
    return out;
  }

  private static String refs(List<ViolationForm> forms) {
    List<String> out = new ArrayList<>();
    for (ViolationForm f : forms) {
      out.add(f.ref());
    }
    return out.isEmpty() ? "catalogue, violationForms" : String.join("; ", out);
  }

  private static void overdue(
      Guard g, CaseState.Recommendation rec, String field, LocalDate date, String what)
      throws RejectedException {
    g.check(
        date.isAfter(rec.dueOn()),
        CaseRules.OVERDUE,
        () ->
            "the PPK's follow-up is due on "
                + rec.dueOn()
                + " (recommendation at position "
                + rec.at()
                + "); "
                + what
                + " on "
                + date
                + " ("
                + field
                + ") is premature");
  }

  private static void reference(Guard g, Position named, String field, String what, Position actual)
      throws RejectedException {
    g.check(
        named.equals(actual),
        CaseRules.REFERENCE,
        () ->
            field
                + " names position "
                + named
                + ", but the "
                + what
                + " of "
                + g.subject()
                + " is at position "
                + actual);
  }

  private static void requireKinds(Guard g, AgencyInfo actor, String type, Set<AgencyKind> kinds)
      throws RejectedException {
    g.check(
        kinds.contains(actor.kind()),
        CaseRules.signer(type),
        () ->
            type + " is recorded by " + names(kinds) + "; " + actor.code() + " is " + actor.kind());
  }

  private static void requireAgency(
      Guard g, AgencyInfo actor, String type, AgencyCode expected, String role)
      throws RejectedException {
    g.check(
        actor.code().equals(expected),
        CaseRules.signer(type),
        () -> type + " is recorded by " + expected + ", " + role + ", not by " + actor.code());
  }

  private static void requirePpkSide(
      Guard g, Context ctx, AgencyInfo actor, String type, CaseState.Opening o)
      throws RejectedException {
    g.check(
        ctx.registry().isSelfOrUnitOf(actor.code(), o.ppk()),
        CaseRules.signer(type),
        () ->
            type
                + " is recorded by the PPK's agency "
                + o.ppk()
                + " or one of its units; "
                + actor.code()
                + " is neither");
  }

  private static void requireAppealBody(
      Guard g, Context ctx, AgencyInfo actor, String type, AppealKind kind, CaseState.Opening o)
      throws RejectedException {
    if (kind == AppealKind.ADMINISTRATIVE_APPEAL) {
      g.check(
          actor.kind() == AgencyKind.BPASN,
          CaseRules.signer(type),
          () ->
              "an administrative appeal is recorded by BPASN; "
                  + actor.code()
                  + " is "
                  + actor.kind());
    } else {
      g.check(
          ctx.registry().isSelfOrUnitOf(o.ppk(), actor.code()),
          CaseRules.signer(type),
          () ->
              "an objection is recorded by the PPK's agency "
                  + o.ppk()
                  + " or an agency above it; "
                  + actor.code()
                  + " is neither");
    }
  }

  private static LocalDate due(Guard g, Catalogue cat, Deadline d, LocalDate from)
      throws RejectedException {
    try {
      return d.dueDate(from, cat.calendar());
    } catch (CalendarNotCoveredException e) {
      throw g.calendarGap(cat, e);
    }
  }

  private static <E extends Enum<E>> String names(Set<E> set) {
    List<String> out = new ArrayList<>();
    for (E e : set) {
      out.add(e.name());
    }
    return out.isEmpty() ? "nothing" : String.join(", ", out);
  }

  private static String nextSteps(CaseStatus status) {
    List<String> next = new ArrayList<>();
    for (String t : CaseRules.types()) {
      if (CaseRules.from(t).contains(status)
          && !t.equals(CorrectRecordCommand.TYPE)
          && !t.equals(CloseCaseCommand.TYPE)
          && !t.equals(UnblockPersonnelDataCommand.TYPE)) {
        next.add(t);
      }
    }
    return next.isEmpty()
        ? ""
        : " (from " + status + " the next step is " + String.join(" or ", next) + ")";
  }

  /** The state after {@code event}; total on every history decide accepted. */
  public static CaseState evolve(Subject subject, Optional<CaseState> state, CaseEvent event) {
    Position at = event.meta().position();
    AgencyCode by = event.meta().agency();
    if (event instanceof CaseReportedEvent) {
      CaseReportedEvent e = (CaseReportedEvent) event;
      ReportCaseCommand c = e.command();
      return CaseState.opened(
          subject,
          new CaseState.Opening(
              Origin.REPORT,
              by,
              c.election(),
              e.electionKind(),
              c.reported().unit(),
              e.ppk(),
              e.ppkKind(),
              c.receivedOn(),
              Optional.of(c.knownOn()),
              c.candidateStage()),
          RecordLog.EMPTY.append(at, ReportCaseCommand.TYPE, by));
    }
    if (event instanceof CaseFoundEvent) {
      CaseFoundEvent e = (CaseFoundEvent) event;
      FindCaseCommand c = e.command();
      return CaseState.opened(
          subject,
          new CaseState.Opening(
              Origin.FINDING,
              by,
              c.election(),
              e.electionKind(),
              c.reported().unit(),
              e.ppk(),
              e.ppkKind(),
              c.foundOn(),
              Optional.empty(),
              c.candidateStage()),
          RecordLog.EMPTY.append(at, FindCaseCommand.TYPE, by));
    }
    CaseState s = state.orElseThrow();
    CaseState next = apply(s, event);
    return next.with(next.log().append(at, event.command().type(), by));
  }

  private static CaseState apply(CaseState s, CaseEvent event) {
    if (event instanceof CaseRegisteredEvent) {
      CaseRegisteredEvent e = (CaseRegisteredEvent) event;
      return s.withRegistration(
              new CaseState.Registration(
                  e.command().registeredOn(), e.verificationDueOn(), e.assessmentDueOn(), false))
          .with(CaseStatus.REGISTERED);
    }
    if (event instanceof CaseNotRegisteredEvent) {
      RefuseRegistrationCommand c = ((CaseNotRegisteredEvent) event).command();
      return s.with(
              new CaseState.Closure(
                  ClosureReason.NOT_REGISTERED, c.decidedOn(), Optional.of(c.reason())))
          .with(CaseStatus.CLOSED);
    }
    if (event instanceof CaseVerifiedEvent) {
      CaseVerifiedEvent e = (CaseVerifiedEvent) event;
      return s.with(
              new CaseState.Inquiry(
                  Optional.of(e.command().verifiedOn()), e.late(), 0, Optional.empty()))
          .with(CaseStatus.VERIFIED);
    }
    if (event instanceof CaseClarifiedEvent) {
      CaseClarifiedEvent e = (CaseClarifiedEvent) event;
      CaseState.Inquiry i = s.inquiry();
      return s.with(
              new CaseState.Inquiry(
                  i.verifiedOn(),
                  i.verifiedLate(),
                  i.clarifications() + 1,
                  Optional.of(e.command().clarifiedOn())))
          .with(CaseStatus.CLARIFIED);
    }
    if (event instanceof AssessmentExtendedEvent) {
      AssessmentExtendedEvent e = (AssessmentExtendedEvent) event;
      CaseState.Registration r = s.registration().orElseThrow();
      return s.withRegistration(
          new CaseState.Registration(
              r.registeredOn(), r.verificationDueOn(), e.assessmentDueOn(), true));
    }
    if (event instanceof CaseAssessedEvent) {
      CaseAssessedEvent e = (CaseAssessedEvent) event;
      AssessCaseCommand c = e.command();
      CaseStatus next;
      switch (c.outcome()) {
        case VIOLATION:
          next = CaseStatus.ASSESSED;
          break;
        case NO_VIOLATION:
          next = CaseStatus.NO_VIOLATION;
          break;
        default:
          next = CaseStatus.REFERRED;
          break;
      }
      return s.with(
              new CaseState.Assessment(
                  e.meta().agency(),
                  c.assessedOn(),
                  c.outcome(),
                  c.candidateStage(),
                  c.forms(),
                  e.late()))
          .with(next);
    }
    if (event instanceof CaseForwardedEvent) {
      ForwardCaseCommand c = ((CaseForwardedEvent) event).command();
      return s.with(new CaseState.Forwarding(c.to(), c.forwardedOn())).with(CaseStatus.FORWARDED);
    }
    if (event instanceof SanctionRecommendedEvent) {
      SanctionRecommendedEvent e = (SanctionRecommendedEvent) event;
      RecommendSanctionCommand c = e.command();
      return s.with(
              new CaseState.Recommendation(
                  e.meta().position(),
                  e.meta().agency(),
                  c.recommendedOn(),
                  c.track(),
                  c.level(),
                  e.dueOn()))
          .with(CaseStatus.RECOMMENDED);
    }
    if (event instanceof AsnSummonedEvent) {
      SummonAsnCommand c = ((AsnSummonedEvent) event).command();
      CaseState.Proceedings p = s.proceedings();
      return s.with(
              new CaseState.Proceedings(
                  p.summonses() + 1,
                  Optional.of(c.summonedOn()),
                  p.examinations(),
                  p.examinedByTeam(),
                  p.lastExaminedOn()))
          .with(CaseStatus.SUMMONED);
    }
    if (event instanceof AsnExaminedEvent) {
      ExamineAsnCommand c = ((AsnExaminedEvent) event).command();
      CaseState.Proceedings p = s.proceedings();
      return s.with(
              new CaseState.Proceedings(
                  p.summonses(),
                  p.lastSummonedOn(),
                  p.examinations() + 1,
                  p.examinedByTeam() || c.byTeam(),
                  Optional.of(c.examinedOn())))
          .with(CaseStatus.EXAMINED);
    }
    if (event instanceof SanctionDecidedEvent) {
      SanctionDecidedEvent e = (SanctionDecidedEvent) event;
      DecideSanctionCommand c = e.command();
      return s.with(
              new CaseState.Sanction(
                  e.meta().position(),
                  c.decidedOn(),
                  c.level(),
                  c.form(),
                  c.durationMonths().orElse(0),
                  c.effectiveOn(),
                  e.appealRoute(),
                  e.deliveryDueOn(),
                  e.followsRecommendation()))
          .with(CaseStatus.DECIDED);
    }
    if (event instanceof DecisionDeliveredEvent) {
      DecisionDeliveredEvent e = (DecisionDeliveredEvent) event;
      return s.with(new CaseState.Delivery(e.command().deliveredOn(), e.appealDueOn(), e.late()))
          .with(CaseStatus.APPEAL_WINDOW);
    }
    if (event instanceof AppealFiledEvent) {
      AppealFiledEvent e = (AppealFiledEvent) event;
      return s.with(
              new CaseState.Appeal(
                  e.meta().position(),
                  e.command().kind(),
                  e.command().filedOn(),
                  e.answerDueOn(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()))
          .with(CaseStatus.APPEALED);
    }
    if (event instanceof AppealAnsweredEvent) {
      AppealAnsweredEvent e = (AppealAnsweredEvent) event;
      CaseState.Appeal a = s.appeal().orElseThrow();
      return s.with(
          new CaseState.Appeal(
              a.filedAt(),
              a.kind(),
              a.filedOn(),
              a.answerDueOn(),
              Optional.of(e.command().answeredOn()),
              a.outcome(),
              a.decidedOn()));
    }
    if (event instanceof AppealDecidedEvent) {
      DecideAppealCommand c = ((AppealDecidedEvent) event).command();
      CaseState.Appeal a = s.appeal().orElseThrow();
      CaseState next =
          s.with(
              new CaseState.Appeal(
                  a.filedAt(),
                  a.kind(),
                  a.filedOn(),
                  a.answerDueOn(),
                  a.answeredOn(),
                  Optional.of(c.outcome()),
                  Optional.of(c.decidedOn())));
      if (c.outcome() == AppealOutcome.ANNULLED) {
        return next.with(CaseStatus.ANNULLED);
      }
      if (c.modified().isPresent()) {
        ModifiedSanction m = c.modified().get();
        CaseState.Sanction old = next.sanction().orElseThrow();
        next =
            next.with(
                new CaseState.Sanction(
                    old.decisionAt(),
                    old.decidedOn(),
                    m.level(),
                    m.form(),
                    m.durationMonths().orElse(0),
                    m.effectiveOn(),
                    old.appealRoute(),
                    old.deliveryDueOn(),
                    old.followsRecommendation()));
      }
      return next.with(
              new CaseState.Enforcement(
                  Optional.of(c.decidedOn()), Optional.empty(), Optional.empty()))
          .with(CaseStatus.IN_FORCE);
    }
    if (event instanceof SanctionInForceEvent) {
      RecordInForceCommand c = ((SanctionInForceEvent) event).command();
      return s.with(
              new CaseState.Enforcement(
                  Optional.of(c.inForceOn()), Optional.empty(), Optional.empty()))
          .with(CaseStatus.IN_FORCE);
    }
    if (event instanceof SanctionServedEvent) {
      RecordServedCommand c = ((SanctionServedEvent) event).command();
      CaseState.Enforcement en = s.enforcement();
      return s.with(
              new CaseState.Enforcement(
                  en.inForceOn(), Optional.of(c.servedOn()), en.disciplineRecordedOn()))
          .with(CaseStatus.SERVED);
    }
    if (event instanceof DisciplineRecordedEvent) {
      RecordDisciplineRegisterCommand c = ((DisciplineRecordedEvent) event).command();
      CaseState.Enforcement en = s.enforcement();
      return s.with(
          new CaseState.Enforcement(en.inForceOn(), en.servedOn(), Optional.of(c.recordedOn())));
    }
    if (event instanceof ReminderSentEvent) {
      SendReminderCommand c = ((ReminderSentEvent) event).command();
      CaseState.Overdue ov = s.overdue();
      return s.with(
          new CaseState.Overdue(
              ov.reminders() + 1,
              Optional.of(c.sentOn()),
              ov.reprimandedOn(),
              ov.blocked(),
              ov.blockedOn()));
    }
    if (event instanceof RegionalHeadReprimandedEvent) {
      ReprimandRegionalHeadCommand c = ((RegionalHeadReprimandedEvent) event).command();
      CaseState.Overdue ov = s.overdue();
      return s.with(
          new CaseState.Overdue(
              ov.reminders(),
              ov.lastReminderOn(),
              Optional.of(c.reprimandedOn()),
              ov.blocked(),
              ov.blockedOn()));
    }
    if (event instanceof PersonnelDataBlockedEvent) {
      BlockPersonnelDataCommand c = ((PersonnelDataBlockedEvent) event).command();
      CaseState.Overdue ov = s.overdue();
      return s.with(
          new CaseState.Overdue(
              ov.reminders(),
              ov.lastReminderOn(),
              ov.reprimandedOn(),
              true,
              Optional.of(c.blockedOn())));
    }
    if (event instanceof PersonnelDataUnblockedEvent) {
      CaseState.Overdue ov = s.overdue();
      return s.with(
          new CaseState.Overdue(
              ov.reminders(), ov.lastReminderOn(), ov.reprimandedOn(), false, ov.blockedOn()));
    }
    if (event instanceof RecordCorrectedEvent) {
      return s;
    }
    CloseCaseCommand c = ((CaseClosedEvent) event).command();
    return s.with(new CaseState.Closure(c.reason(), c.closedOn(), Optional.empty()))
        .with(CaseStatus.CLOSED);
  }
}
