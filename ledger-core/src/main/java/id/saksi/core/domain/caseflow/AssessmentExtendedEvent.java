package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import java.time.LocalDate;

/**
 * The assessment period was extended.
 *
 * @param assessmentDueOn the new last day for the assessment
 */
public record AssessmentExtendedEvent(
    RecordMeta meta, ExtendAssessmentCommand command, LocalDate assessmentDueOn)
    implements CaseEvent {}
