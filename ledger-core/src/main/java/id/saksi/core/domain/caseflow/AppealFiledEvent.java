package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An appeal was filed.
 *
 * @param answerDueOn for an administrative appeal, the last day for the PPK's answer
 */
public record AppealFiledEvent(
    RecordMeta meta, FileAppealCommand command, Optional<LocalDate> answerDueOn)
    implements CaseEvent {}
