package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** The sanction was entered in I'DIS. */
public record DisciplineRecordedEvent(RecordMeta meta, RecordDisciplineRegisterCommand command)
    implements CaseEvent {}
