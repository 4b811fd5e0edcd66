package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** Personnel services were blocked. */
public record PersonnelDataBlockedEvent(RecordMeta meta, BlockPersonnelDataCommand command)
    implements CaseEvent {}
