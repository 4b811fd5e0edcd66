package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** The civil servant was summoned. */
public record AsnSummonedEvent(RecordMeta meta, SummonAsnCommand command) implements CaseEvent {}
