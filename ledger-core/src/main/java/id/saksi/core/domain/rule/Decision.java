package id.saksi.core.domain.rule;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@code decide}: the events a legal record produces, or the rejection of an illegal
 * one.
 *
 * @param <E> the aggregate's event type
 */
public abstract class Decision<E> {
  private Decision() {}

  /** Accepts the record with one event. */
  public static <E> Decision<E> accept(E event) {
    return new Accepted<>(List.of(event));
  }

  /** Accepts the record with these events, in order. */
  public static <E> Decision<E> acceptAll(List<E> events) {
    return new Accepted<>(List.copyOf(events));
  }

  /** Rejects the record. */
  public static <E> Decision<E> reject(Rejection rejection) {
    return new Rejected<>(rejection);
  }

  /** Whether the record was accepted. */
  public abstract boolean accepted();

  /** The events, in order. */
  public abstract List<E> events() throws RejectedException;

  /** The events; for callers that already know the record was accepted (tests). */
  public List<E> eventsOrFail() {
    try {
      return events();
    } catch (RejectedException e) {
      throw new IllegalStateException("expected the record to be accepted: " + e.getMessage(), e);
    }
  }

  /** The rejection, if rejected. */
  public abstract Optional<Rejection> rejection();

  /** An accepted record's events. */
  public static final class Accepted<E> extends Decision<E> {
    private final List<E> events;

    Accepted(List<E> events) {
      this.events = events;
    }

    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public List<E> events() {
      return events;
    }

    @Override
    public Optional<Rejection> rejection() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "Accepted" + events;
    }
  }

  /** A rejected record. */
  public static final class Rejected<E> extends Decision<E> {
    private final Rejection rejection;

    Rejected(Rejection rejection) {
      this.rejection = rejection;
    }

    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public List<E> events() throws RejectedException {
      throw new RejectedException(rejection);
    }

    @Override
    public Optional<Rejection> rejection() {
      return Optional.of(rejection);
    }

    @Override
    public String toString() {
      return "Rejected[" + rejection + "]";
    }
  }
}
