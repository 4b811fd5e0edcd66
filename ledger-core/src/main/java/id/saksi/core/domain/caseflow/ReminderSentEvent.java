package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** A reminder was sent to the PPK. */
public record ReminderSentEvent(RecordMeta meta, SendReminderCommand command)
    implements CaseEvent {}
