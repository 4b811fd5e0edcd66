package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** What an accepted case record changes. */
public sealed interface CaseEvent
    permits AppealAnsweredEvent,
        AppealDecidedEvent,
        AppealFiledEvent,
        AsnExaminedEvent,
        AsnSummonedEvent,
        AssessmentExtendedEvent,
        CaseAssessedEvent,
        CaseClarifiedEvent,
        CaseClosedEvent,
        CaseForwardedEvent,
        CaseFoundEvent,
        CaseNotRegisteredEvent,
        CaseRegisteredEvent,
        CaseReportedEvent,
        CaseVerifiedEvent,
        DecisionDeliveredEvent,
        DisciplineRecordedEvent,
        PersonnelDataBlockedEvent,
        PersonnelDataUnblockedEvent,
        RecordCorrectedEvent,
        RegionalHeadReprimandedEvent,
        ReminderSentEvent,
        SanctionDecidedEvent,
        SanctionInForceEvent,
        SanctionRecommendedEvent,
        SanctionServedEvent {
  /** The statement it came from. */
  RecordMeta meta();

  /** The record it came from. */
  CaseCommand command();
}
