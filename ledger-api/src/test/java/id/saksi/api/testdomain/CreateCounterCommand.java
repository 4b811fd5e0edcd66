package id.saksi.api.testdomain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a counter at zero. */
public record CreateCounterCommand(@TargetAggregateIdentifier String counterId) {}
