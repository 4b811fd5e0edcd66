package id.saksi.core.domain.caseflow;

/** A record about a violation case; {@link #type()} is its record type, such as "case.reported". */
public sealed interface CaseCommand
    permits AnswerAppealCommand,
        AssessCaseCommand,
        BlockPersonnelDataCommand,
        ClarifyCaseCommand,
        CloseCaseCommand,
        CorrectRecordCommand,
        DecideAppealCommand,
        DecideSanctionCommand,
        DeliverDecisionCommand,
        ExamineAsnCommand,
        ExtendAssessmentCommand,
        FileAppealCommand,
        FindCaseCommand,
        ForwardCaseCommand,
        RecommendSanctionCommand,
        RecordDisciplineRegisterCommand,
        RecordInForceCommand,
        RecordServedCommand,
        RefuseRegistrationCommand,
        RegisterCaseCommand,
        ReportCaseCommand,
        ReprimandRegionalHeadCommand,
        SendReminderCommand,
        SummonAsnCommand,
        UnblockPersonnelDataCommand,
        VerifyCaseCommand {
  /** The record type. */
  String type();
}
