package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import java.time.LocalDate;

/**
 * The regional head was reprimanded.
 *
 * @param responseDueOn last day for the regional head's response
 */
public record RegionalHeadReprimandedEvent(
    RecordMeta meta, ReprimandRegionalHeadCommand command, LocalDate responseDueOn)
    implements CaseEvent {}
