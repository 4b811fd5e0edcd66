package id.saksi.api.testdomain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** A read model in memory, fed by a streaming event processor whose token lives in PostgreSQL. */
@Component
@ConditionalOnProperty(name = "saksi.test.projection", havingValue = "true", matchIfMissing = true)
@ProcessingGroup(CounterProjection.PROCESSING_GROUP)
public class CounterProjection {
  public static final String PROCESSING_GROUP = "counters";

  private final Map<String, Long> values = new ConcurrentHashMap<>();

  @EventHandler
  void on(CounterCreatedEvent event) {
    values.put(event.counterId(), 0L);
  }

  @EventHandler
  void on(CounterIncrementedEvent event) {
    values.merge(event.counterId(), event.value(), Math::max);
  }

  /** The value seen for {@code counterId}, or null if none yet. */
  public Long value(String counterId) {
    return values.get(counterId);
  }
}
