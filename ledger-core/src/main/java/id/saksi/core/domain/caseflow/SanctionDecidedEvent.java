package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import id.saksi.core.domain.catalogue.AppealRoute;
import java.time.LocalDate;

/**
 * The PPK decided a sanction.
 *
 * @param appealRoute how the sanction can be challenged, from the catalogue
 * @param deliveryDueOn the last day to deliver the decision
 * @param followsRecommendation whether the level is the recommended one
 */
public record SanctionDecidedEvent(
    RecordMeta meta,
    DecideSanctionCommand command,
    AppealRoute appealRoute,
    LocalDate deliveryDueOn,
    boolean followsRecommendation)
    implements CaseEvent {}
