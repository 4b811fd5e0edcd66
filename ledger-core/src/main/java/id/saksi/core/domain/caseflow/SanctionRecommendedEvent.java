package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import java.time.LocalDate;

/**
 * A sanction was recommended to the PPK.
 *
 * @param dueOn the day by which the PPK must act: the recommendation's, or the catalogue's default
 */
public record SanctionRecommendedEvent(
    RecordMeta meta, RecommendSanctionCommand command, LocalDate dueOn) implements CaseEvent {}
