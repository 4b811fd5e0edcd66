package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;

/**
 * An earlier record of the case was corrected.
 *
 * @param correctedType the record type of the corrected record
 */
public record RecordCorrectedEvent(
    RecordMeta meta, CorrectRecordCommand command, String correctedType) implements CaseEvent {}
