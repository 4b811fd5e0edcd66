package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/**
 * The PPK answered the appeal.
 *
 * @param late whether the answer came after its deadline
 */
public record AppealAnsweredEvent(RecordMeta meta, AnswerAppealCommand command, boolean late)
    implements CaseEvent {}
