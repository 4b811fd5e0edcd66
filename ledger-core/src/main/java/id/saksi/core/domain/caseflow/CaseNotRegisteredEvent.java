package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** A report or finding was not registered; the case is closed. */
public record CaseNotRegisteredEvent(RecordMeta meta, RefuseRegistrationCommand command)
    implements CaseEvent {}
