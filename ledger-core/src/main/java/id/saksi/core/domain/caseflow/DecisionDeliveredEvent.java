package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.RecordMeta;
import java.time.LocalDate;

/**
 * The decision was delivered; the appeal window opens.
 *
 * @param appealDueOn last day to file an appeal (the delivery day if there is no appeal)
 * @param late whether delivery came after its deadline
 */
public record DecisionDeliveredEvent(
    RecordMeta meta, DeliverDecisionCommand command, LocalDate appealDueOn, boolean late)
    implements CaseEvent {}
