package id.saksi.api.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import id.saksi.api.axon.AggregateLoadingConfiguration;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.pact.PactDecider;
import id.saksi.core.domain.pact.PactSignedEvent;
import id.saksi.core.domain.pact.PactState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One signatory's integrity pact or neutrality pledge for one election (subject {@code
 * pact/ELECTION/PERSON-REF}) as an Axon aggregate: a thin adapter over the core's {@link
 * PactDecider}. Signing creates it; a second signature for the same signatory and election is
 * refused with the position of the first.
 */
@Aggregate(
    cache = AggregateLoadingConfiguration.CACHE,
    snapshotTriggerDefinition = AggregateLoadingConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PactAggregate {
  @AggregateIdentifier private Subject subject;
  private PactState state;

  /** For Axon and for snapshots. */
  protected PactAggregate() {}

  /**
   * Decides the statement with the core's rules and applies one event, or refuses it.
   *
   * @throws StatementRejectedException if the domain refuses it; nothing is applied
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public PactState handle(RecordPactStatementCommand command) {
    Outcome.Accepted accepted = StatementDecisions.decide(state, command.statement());
    apply(StatementRecordedEvent.of(command.statement(), accepted.events()));
    return state;
  }

  @EventSourcingHandler
  void on(StatementRecordedEvent event) {
    subject = Subjects.of(event);
    for (Object e : event.events()) {
      state = PactDecider.evolve(subject, (PactSignedEvent) e);
    }
  }
}
