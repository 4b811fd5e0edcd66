package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** An appeal was decided. */
public record AppealDecidedEvent(RecordMeta meta, DecideAppealCommand command)
    implements CaseEvent {}
