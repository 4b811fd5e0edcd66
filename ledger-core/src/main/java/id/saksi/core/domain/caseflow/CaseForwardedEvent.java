package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/** A case was forwarded to the recommending authority. */
public record CaseForwardedEvent(RecordMeta meta, ForwardCaseCommand command)
    implements CaseEvent {}
