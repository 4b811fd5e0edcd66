package id.saksi.core.domain.ledger;

import id.saksi.core.domain.Subject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/** A {@link StateStore} that keeps every state on the heap. */
final class InMemoryStateStore implements StateStore {
  private final Map<Subject, Object> states = new HashMap<>();

  @Override
  public Object get(Subject subject) {
    return states.get(subject);
  }

  @Override
  public void put(Subject subject, Object state) {
    states.put(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(state, "state"));
  }

  @Override
  public long size() {
    return states.size();
  }

  @Override
  public void forEach(BiConsumer<Subject, Object> action) {
    states.forEach(action);
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
