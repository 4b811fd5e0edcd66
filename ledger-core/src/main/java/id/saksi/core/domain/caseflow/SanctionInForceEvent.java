package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** The sanction is in force. */
public record SanctionInForceEvent(RecordMeta meta, RecordInForceCommand command)
    implements CaseEvent {}
