package id.saksi.core.domain.ledger;

import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.rule.RejectedException;
import id.saksi.core.domain.rule.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * What a record does to the ledger's domain state: accepted, with its events and the new state of
 * its aggregate, or rejected, changing nothing.
 */
public abstract class Outcome {
  private Outcome() {}

  /** Whether the record was accepted. */
  public abstract boolean accepted();

  /** The rejection, if rejected. */
  public abstract Optional<Rejection> rejection();

  /** This outcome as accepted, or the rejection thrown. */
  public abstract Accepted orThrow() throws RejectedException;

  static Outcome accepted(Position position, Subject subject, List<?> events, Object newState) {
    return new Accepted(position, subject, List.copyOf(events), newState);
  }

  static Outcome rejected(Rejection rejection) {
    return new Rejected(rejection);
  }

  /** An accepted record. */
  public static final class Accepted extends Outcome {
    private final Position position;
    private final Subject subject;
    private final List<?> events;
    private final Object newState;

    private Accepted(Position position, Subject subject, List<?> events, Object newState) {
      this.position = position;
      this.subject = subject;
      this.events = events;
      this.newState = newState;
    }

    /** The record's ledger position. */
    public Position position() {
      return position;
    }

    /** The aggregate the record changed. */
    public Subject subject() {
      return subject;
    }

    /**
     * The events, in order: {@code RegistryEvent}, {@code InstrumentEvent}, {@code PactSignedEvent}
     * or {@code CaseEvent}.
     */
    public List<?> events() {
      return events;
    }

    /**
     * The aggregate's state after the events: {@code RegistryState}, {@code InstrumentState},
     * {@code PactState} or {@code CaseState}.
     */
    public Object newState() {
      return newState;
    }

    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public Optional<Rejection> rejection() {
      return Optional.empty();
    }

    @Override
    public Accepted orThrow() {
      return this;
    }

    @Override
    public String toString() {
      return "Accepted[" + subject + ", " + events + "]";
    }
  }

  /** A rejected record. */
  public static final class Rejected extends Outcome {
    private final Rejection rejection;

    private Rejected(Rejection rejection) {
      this.rejection = rejection;
    }

    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public Optional<Rejection> rejection() {
      return Optional.of(rejection);
    }

    @Override
    public Accepted orThrow() throws RejectedException {
      throw new RejectedException(rejection);
    }

    @Override
    public String toString() {
      return "Rejected[" + rejection + "]";
    }
  }
}
