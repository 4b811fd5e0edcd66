package id.saksi.api.testdomain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import id.saksi.api.axon.AggregateLoadingConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The smallest event-sourced aggregate that exercises the write path: a counter. */
@Aggregate(
    cache = AggregateLoadingConfiguration.CACHE,
    snapshotTriggerDefinition = AggregateLoadingConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CounterAggregate {
  @AggregateIdentifier private String counterId;
  private long value;

  /** For Axon and for snapshots. */
  protected CounterAggregate() {}

  /** Creates the counter. */
  @CommandHandler
  public CounterAggregate(CreateCounterCommand command) {
    apply(new CounterCreatedEvent(command.counterId()));
  }

  /** Increments it, one event per step. */
  @CommandHandler
  public long handle(IncrementCounterCommand command) {
    if (command.times() < 1) {
      throw new IllegalArgumentException("times must be >= 1, got " + command.times());
    }
    for (int i = 1; i <= command.times(); i++) {
      apply(new CounterIncrementedEvent(counterId, value + 1));
    }
    return value;
  }

  @EventSourcingHandler
  void on(CounterCreatedEvent event) {
    counterId = event.counterId();
    value = 0;
  }

  @EventSourcingHandler
  void on(CounterIncrementedEvent event) {
    value = event.value();
  }
}
