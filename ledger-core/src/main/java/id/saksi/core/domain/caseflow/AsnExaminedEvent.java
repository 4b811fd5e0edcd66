package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** The civil servant was examined. */
public record AsnExaminedEvent(RecordMeta meta, ExamineAsnCommand command) implements CaseEvent {}
