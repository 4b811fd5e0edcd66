package id.saksi.api;

import id.saksi.api.domain.StatementRecordedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only read model: a streaming event processor, with its token in PostgreSQL, that counts the
 * stored statements per subject; it proves stored events read back through Axon's serializer.
 */
@Component
@ConditionalOnProperty(
    name = "saksi.test.recorded-statements",
    havingValue = "true",
    matchIfMissing = true)
@ProcessingGroup(RecordedStatements.PROCESSING_GROUP)
public class RecordedStatements {
  public static final String PROCESSING_GROUP = "test-recorded-statements";

  private final Map<String, Long> lastIndex = new ConcurrentHashMap<>();

  @EventHandler
  void on(StatementRecordedEvent event) {
    lastIndex.merge(event.subject(), event.index(), Math::max);
  }

  /** The index of the last statement seen about {@code subject}, or null. */
  public Long lastIndex(String subject) {
    return lastIndex.get(subject);
  }
}
