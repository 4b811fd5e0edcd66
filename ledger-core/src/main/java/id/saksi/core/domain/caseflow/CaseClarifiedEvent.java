package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** A clarification was held. */
public record CaseClarifiedEvent(RecordMeta meta, ClarifyCaseCommand command)
    implements CaseEvent {}
