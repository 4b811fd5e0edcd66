package id.saksi.api.ledger;

import id.saksi.core.hash.Hash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the canonical entry: a JSON object of the ledger position and the event's identity
 * (not its payload), with keys in a fixed order. To be replaced by the JCS bytes of the signed
 * entry once the core's entry type is wired in; the storage and the hashing do not change.
 */
public final class EventMetadataLeafEncoder implements LeafEncoder {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public byte[] encode(long index, Hash prev, Instant recordedAt, EventMessage<?> event) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("v", 0);
    entry.put("index", index);
    entry.put("prev", prev.hex());
    entry.put("recordedAt", recordedAt.toString());
    entry.put("eventIdentifier", event.getIdentifier());
    entry.put("payloadType", event.getPayloadType().getName());
    if (event instanceof DomainEventMessage) {
      DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
      entry.put("aggregateType", domainEvent.getType());
      entry.put("aggregateIdentifier", domainEvent.getAggregateIdentifier());
      entry.put("sequenceNumber", domainEvent.getSequenceNumber());
    }
    return JSON.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
  }
}
