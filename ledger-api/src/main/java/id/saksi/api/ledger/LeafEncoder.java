package id.saksi.api.ledger;

import id.saksi.core.hash.Hash;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;

/**
 * Makes the leaf bytes of the entry that records an event: the exact bytes that are hashed, stored
 * and published. Must be deterministic: the same arguments give the same bytes, on every machine.
 */
public interface LeafEncoder {

  /**
   * The leaf bytes of the entry at {@code index}.
   *
   * @param index the entry's dense position
   * @param prev the leaf hash of entry {@code index - 1}, or {@link Hash#ZERO} for index 0
   * @param recordedAt the time the ledger records the entry
   * @param event the stored event the entry records
   */
  byte[] encode(long index, Hash prev, Instant recordedAt, EventMessage<?> event);
}
