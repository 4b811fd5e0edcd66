package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/**
 * A case was verified.
 *
 * @param late whether verification came after its deadline
 */
public record CaseVerifiedEvent(RecordMeta meta, VerifyCaseCommand command, boolean late)
    implements CaseEvent {}
