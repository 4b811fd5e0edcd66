package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** A case was closed. */
public record CaseClosedEvent(RecordMeta meta, CloseCaseCommand command) implements CaseEvent {}
