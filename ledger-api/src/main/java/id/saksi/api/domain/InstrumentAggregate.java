package id.saksi.api.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import id.saksi.api.axon.AggregateLoadingConfiguration;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.instrument.InstrumentDecider;
import id.saksi.core.domain.instrument.InstrumentEvent;
import id.saksi.core.domain.instrument.InstrumentState;
import id.saksi.core.domain.ledger.Outcome;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A circular or other instrument (subject {@code instrument/ID}) as an Axon aggregate: a thin
 * adapter over the core's {@link InstrumentDecider}. Issuing it creates it.
 */
@Aggregate(
    cache = AggregateLoadingConfiguration.CACHE,
    snapshotTriggerDefinition = AggregateLoadingConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InstrumentAggregate {
  @AggregateIdentifier private Subject subject;
  private InstrumentState state;

  /** For Axon and for snapshots. */
  protected InstrumentAggregate() {}

  /**
   * Decides the statement with the core's rules and applies one event, or refuses it.
   *
   * @throws StatementRejectedException if the domain refuses it; nothing is applied
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public InstrumentState handle(RecordInstrumentStatementCommand command) {
    Outcome.Accepted accepted = StatementDecisions.decide(state, command.statement());
    apply(StatementRecordedEvent.of(command.statement(), accepted.events()));
    return state;
  }

  @EventSourcingHandler
  void on(StatementRecordedEvent event) {
    subject = Subjects.of(event);
    Optional<InstrumentState> next = Optional.ofNullable(state);
    for (Object e : event.events()) {
      next = Optional.of(InstrumentDecider.evolve(subject, next, (InstrumentEvent) e));
    }
    state = next.orElse(null);
  }
}
