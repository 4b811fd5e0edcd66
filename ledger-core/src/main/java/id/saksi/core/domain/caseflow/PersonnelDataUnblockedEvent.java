package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** Personnel services were unblocked. */
public record PersonnelDataUnblockedEvent(RecordMeta meta, UnblockPersonnelDataCommand command)
    implements CaseEvent {}
