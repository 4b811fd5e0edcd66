package id.saksi.api.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.saksi.api.axon.AggregateLoadingConfiguration;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.registry.RegistryDecider;
import id.saksi.core.domain.registry.RegistryEvent;
import id.saksi.core.domain.registry.RegistryState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The registrar's aggregate (subject {@code registry}) as an Axon aggregate: a thin adapter over
 * the core's {@link RegistryDecider}. Genesis creates it; agencies, keys and catalogue adoptions
 * follow.
 *
 * <p>Cached but never snapshotted: its history is small (agencies, keys, catalogue versions) and
 * its state has no JSON form, so after a restart it is rebuilt from its own events.
 */
@Aggregate(cache = AggregateLoadingConfiguration.CACHE)
public class RegistryAggregate {
  // Read by Axon, which routes commands and orders events by it.
  @SuppressWarnings("UnusedVariable")
  @AggregateIdentifier
  private Subject subject;

  private RegistryState state = RegistryState.EMPTY;

  /** For Axon. */
  protected RegistryAggregate() {}

  /**
   * Decides the statement with the core's rules and applies one event, or refuses it.
   *
   * @return the registry's state after the statement, which the sequencer uses for the next
   *     statements of the same transaction
   * @throws StatementRejectedException if the domain refuses it; nothing is applied
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public RegistryState handle(RecordRegistryStatementCommand command) {
    Outcome.Accepted accepted = StatementDecisions.decide(state, command.statement());
    apply(StatementRecordedEvent.of(command.statement(), accepted.events()));
    return state;
  }

  @EventSourcingHandler
  void on(StatementRecordedEvent event) {
    subject = Subjects.of(event);
    RegistryState next = state;
    for (Object e : event.events()) {
      next = RegistryDecider.evolve(next, (RegistryEvent) e);
    }
    state = next;
  }
}
