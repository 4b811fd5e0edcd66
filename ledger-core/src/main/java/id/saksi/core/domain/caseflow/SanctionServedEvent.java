package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** The sanction was served. */
public record SanctionServedEvent(RecordMeta meta, RecordServedCommand command)
    implements CaseEvent {}
