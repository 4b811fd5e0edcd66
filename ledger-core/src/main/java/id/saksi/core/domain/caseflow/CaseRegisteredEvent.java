package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import java.time.LocalDate;

/**
 * A case was registered.
 *
 * @param verificationDueOn last day for verification
 * @param assessmentDueOn last day for the assessment
 */
public record CaseRegisteredEvent(
    RecordMeta meta,
    RegisterCaseCommand command,
    LocalDate verificationDueOn,
    LocalDate assessmentDueOn)
    implements CaseEvent {}
