package id.saksi.core.domain.ledger;

import id.saksi.core.domain.AggregateKind;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.caseflow.AnswerAppealCommand;
import id.saksi.core.domain.caseflow.AssessCaseCommand;
import id.saksi.core.domain.caseflow.BlockPersonnelDataCommand;
import id.saksi.core.domain.caseflow.ClarifyCaseCommand;
import id.saksi.core.domain.caseflow.CloseCaseCommand;
import id.saksi.core.domain.caseflow.CorrectRecordCommand;
import id.saksi.core.domain.caseflow.DecideAppealCommand;
import id.saksi.core.domain.caseflow.DecideSanctionCommand;
import id.saksi.core.domain.caseflow.DeliverDecisionCommand;
import id.saksi.core.domain.caseflow.ExamineAsnCommand;
import id.saksi.core.domain.caseflow.ExtendAssessmentCommand;
import id.saksi.core.domain.caseflow.FileAppealCommand;
import id.saksi.core.domain.caseflow.FindCaseCommand;
import id.saksi.core.domain.caseflow.ForwardCaseCommand;
import id.saksi.core.domain.caseflow.RecommendSanctionCommand;
import id.saksi.core.domain.caseflow.RecordDisciplineRegisterCommand;
import id.saksi.core.domain.caseflow.RecordInForceCommand;
import id.saksi.core.domain.caseflow.RecordServedCommand;
import id.saksi.core.domain.caseflow.RefuseRegistrationCommand;
import id.saksi.core.domain.caseflow.RegisterCaseCommand;
import id.saksi.core.domain.caseflow.ReportCaseCommand;
import id.saksi.core.domain.caseflow.ReprimandRegionalHeadCommand;
import id.saksi.core.domain.caseflow.SendReminderCommand;
import id.saksi.core.domain.caseflow.SummonAsnCommand;
import id.saksi.core.domain.caseflow.UnblockPersonnelDataCommand;
import id.saksi.core.domain.caseflow.VerifyCaseCommand;
import id.saksi.core.domain.instrument.AmendInstrumentCommand;
import id.saksi.core.domain.instrument.IssueInstrumentCommand;
import id.saksi.core.domain.instrument.RevokeInstrumentCommand;
import id.saksi.core.domain.pact.SignPactCommand;
import id.saksi.core.domain.registry.AddKeyCommand;
import id.saksi.core.domain.registry.AdoptCatalogueCommand;
import id.saksi.core.domain.registry.DissolveAgencyCommand;
import id.saksi.core.domain.registry.EraseDisclosureCommand;
import id.saksi.core.domain.registry.GenesisCommand;
import id.saksi.core.domain.registry.RecordDisclosureAccessCommand;
import id.saksi.core.domain.registry.RegisterAgencyCommand;
import id.saksi.core.domain.registry.RevokeKeyCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every record type a statement's {@code type} may name, with the kind of aggregate its subject
 * must be; docs/domain.md lists each one's body.
 */
public enum RecordType {
  REGISTRY_GENESIS(GenesisCommand.TYPE, AggregateKind.REGISTRY),
  AGENCY_REGISTERED(RegisterAgencyCommand.TYPE, AggregateKind.REGISTRY),
  AGENCY_DISSOLVED(DissolveAgencyCommand.TYPE, AggregateKind.REGISTRY),
  KEY_ADDED(AddKeyCommand.TYPE, AggregateKind.REGISTRY),
  KEY_REVOKED(RevokeKeyCommand.TYPE, AggregateKind.REGISTRY),
  CATALOGUE_ADOPTED(AdoptCatalogueCommand.TYPE, AggregateKind.REGISTRY),
  DISCLOSURE_ACCESSED(RecordDisclosureAccessCommand.TYPE, AggregateKind.REGISTRY),
  DISCLOSURE_ERASED(EraseDisclosureCommand.TYPE, AggregateKind.REGISTRY),
  INSTRUMENT_ISSUED(IssueInstrumentCommand.TYPE, AggregateKind.INSTRUMENT),
  INSTRUMENT_AMENDED(AmendInstrumentCommand.TYPE, AggregateKind.INSTRUMENT),
  INSTRUMENT_REVOKED(RevokeInstrumentCommand.TYPE, AggregateKind.INSTRUMENT),
  PACT_SIGNED(SignPactCommand.TYPE, AggregateKind.PACT),
  CASE_REPORTED(ReportCaseCommand.TYPE, AggregateKind.CASE),
  CASE_FOUND(FindCaseCommand.TYPE, AggregateKind.CASE),
  CASE_REGISTERED(RegisterCaseCommand.TYPE, AggregateKind.CASE),
  CASE_NOT_REGISTERED(RefuseRegistrationCommand.TYPE, AggregateKind.CASE),
  CASE_VERIFIED(VerifyCaseCommand.TYPE, AggregateKind.CASE),
  CASE_CLARIFIED(ClarifyCaseCommand.TYPE, AggregateKind.CASE),
  CASE_ASSESSMENT_EXTENDED(ExtendAssessmentCommand.TYPE, AggregateKind.CASE),
  CASE_ASSESSED(AssessCaseCommand.TYPE, AggregateKind.CASE),
  CASE_FORWARDED(ForwardCaseCommand.TYPE, AggregateKind.CASE),
  CASE_RECOMMENDED(RecommendSanctionCommand.TYPE, AggregateKind.CASE),
  CASE_SUMMONED(SummonAsnCommand.TYPE, AggregateKind.CASE),
  CASE_EXAMINED(ExamineAsnCommand.TYPE, AggregateKind.CASE),
  CASE_SANCTION_DECIDED(DecideSanctionCommand.TYPE, AggregateKind.CASE),
  CASE_DECISION_DELIVERED(DeliverDecisionCommand.TYPE, AggregateKind.CASE),
  CASE_APPEAL_FILED(FileAppealCommand.TYPE, AggregateKind.CASE),
  CASE_APPEAL_ANSWERED(AnswerAppealCommand.TYPE, AggregateKind.CASE),
  CASE_APPEAL_DECIDED(DecideAppealCommand.TYPE, AggregateKind.CASE),
  CASE_IN_FORCE(RecordInForceCommand.TYPE, AggregateKind.CASE),
  CASE_SERVED(RecordServedCommand.TYPE, AggregateKind.CASE),
  CASE_DISCIPLINE_RECORDED(RecordDisciplineRegisterCommand.TYPE, AggregateKind.CASE),
  CASE_REMINDER_SENT(SendReminderCommand.TYPE, AggregateKind.CASE),
  CASE_REGIONAL_HEAD_REPRIMANDED(ReprimandRegionalHeadCommand.TYPE, AggregateKind.CASE),
  CASE_PERSONNEL_BLOCKED(BlockPersonnelDataCommand.TYPE, AggregateKind.CASE),
  CASE_PERSONNEL_UNBLOCKED(UnblockPersonnelDataCommand.TYPE, AggregateKind.CASE),
  CASE_CORRECTED(CorrectRecordCommand.TYPE, AggregateKind.CASE),
  CASE_CLOSED(CloseCaseCommand.TYPE, AggregateKind.CASE);

  private static final Map<String, RecordType> BY_WIRE = new HashMap<>();

  static {
    for (RecordType t : values()) {
      BY_WIRE.put(t.wire, t);
    }
  }

  private final String wire;
  private final AggregateKind aggregate;

  RecordType(String wire, AggregateKind aggregate) {
    this.wire = wire;
    this.aggregate = aggregate;
  }

  /** The type string of statements, such as {@code case.reported}. */
  public String wire() {
    return wire;
  }

  /** The kind of aggregate its subject names. */
  public AggregateKind aggregate() {
    return aggregate;
  }

  /** The type with this wire name. */
  public static Optional<RecordType> of(String wire) {
    return Optional.ofNullable(BY_WIRE.get(wire));
  }

  /** Reads a body of this type into its command. */
  Object read(JsonFields b) throws RecordParseException {
    switch (this) {
      case REGISTRY_GENESIS:
        return GenesisCommand.read(b);
      case AGENCY_REGISTERED:
        return RegisterAgencyCommand.read(b);
      case AGENCY_DISSOLVED:
        return DissolveAgencyCommand.read(b);
      case KEY_ADDED:
        return AddKeyCommand.read(b);
      case KEY_REVOKED:
        return RevokeKeyCommand.read(b);
      case CATALOGUE_ADOPTED:
        return AdoptCatalogueCommand.read(b);
      case DISCLOSURE_ACCESSED:
        return RecordDisclosureAccessCommand.read(b);
      case DISCLOSURE_ERASED:
        return EraseDisclosureCommand.read(b);
      case INSTRUMENT_ISSUED:
        return IssueInstrumentCommand.read(b);
      case INSTRUMENT_AMENDED:
        return AmendInstrumentCommand.read(b);
      case INSTRUMENT_REVOKED:
        return RevokeInstrumentCommand.read(b);
      case PACT_SIGNED:
        return SignPactCommand.read(b);
      case CASE_REPORTED:
        return ReportCaseCommand.read(b);
      case CASE_FOUND:
        return FindCaseCommand.read(b);
      case CASE_REGISTERED:
        return RegisterCaseCommand.read(b);
      case CASE_NOT_REGISTERED:
        return RefuseRegistrationCommand.read(b);
      case CASE_VERIFIED:
        return VerifyCaseCommand.read(b);
      case CASE_CLARIFIED:
        return ClarifyCaseCommand.read(b);
      case CASE_ASSESSMENT_EXTENDED:
        return ExtendAssessmentCommand.read(b);
      case CASE_ASSESSED:
        return AssessCaseCommand.read(b);
      case CASE_FORWARDED:
        return ForwardCaseCommand.read(b);
      case CASE_RECOMMENDED:
        return RecommendSanctionCommand.read(b);
      case CASE_SUMMONED:
        return SummonAsnCommand.read(b);
      case CASE_EXAMINED:
        return ExamineAsnCommand.read(b);
      case CASE_SANCTION_DECIDED:
        return DecideSanctionCommand.read(b);
      case CASE_DECISION_DELIVERED:
        return DeliverDecisionCommand.read(b);
      case CASE_APPEAL_FILED:
        return FileAppealCommand.read(b);
      case CASE_APPEAL_ANSWERED:
        return AnswerAppealCommand.read(b);
      case CASE_APPEAL_DECIDED:
        return DecideAppealCommand.read(b);
      case CASE_IN_FORCE:
        return RecordInForceCommand.read(b);
      case CASE_SERVED:
        return RecordServedCommand.read(b);
      case CASE_DISCIPLINE_RECORDED:
        return RecordDisciplineRegisterCommand.read(b);
      case CASE_REMINDER_SENT:
        return SendReminderCommand.read(b);
      case CASE_REGIONAL_HEAD_REPRIMANDED:
        return ReprimandRegionalHeadCommand.read(b);
      case CASE_PERSONNEL_BLOCKED:
        return BlockPersonnelDataCommand.read(b);
      case CASE_PERSONNEL_UNBLOCKED:
        return UnblockPersonnelDataCommand.read(b);
      case CASE_CORRECTED:
        return CorrectRecordCommand.read(b);
      case CASE_CLOSED:
        return CloseCaseCommand.read(b);
    }
    throw new AssertionError(this);
  }

  @Override
  public String toString() {
    return wire;
  }
}
