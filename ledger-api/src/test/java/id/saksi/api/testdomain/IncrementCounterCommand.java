package id.saksi.api.testdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Increments a counter {@code times} times, one event each, in one unit of work. */
public record IncrementCounterCommand(@TargetAggregateIdentifier String counterId, int times) {}
