package id.saksi.api.testdomain;

/** A counter went up by one, to {@code value}. */
public record CounterIncrementedEvent(String counterId, long value) {}
