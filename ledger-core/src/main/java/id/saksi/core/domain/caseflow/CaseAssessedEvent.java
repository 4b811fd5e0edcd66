package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/**
 * A case was assessed.
 *
 * @param late whether the assessment came after its deadline
 */
public record CaseAssessedEvent(RecordMeta meta, AssessCaseCommand command, boolean late)
    implements CaseEvent {}
