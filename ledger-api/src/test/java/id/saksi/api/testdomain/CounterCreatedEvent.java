package id.saksi.api.testdomain;

/** A counter was created at zero. */
public record CounterCreatedEvent(String counterId) {}
