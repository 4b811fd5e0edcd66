package id.saksi.api.ledger;

import id.saksi.core.hash.Hash;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an event went in the ledger: what a receipt reports once the transaction has committed.
 *
 * @param index the entry's dense position, from 0
 * @param leafHash SHA-256(0x00 || leaf bytes)
 * @param prev the leaf hash of the entry before, or {@link Hash#ZERO} for entry 0
 * @param recordedAt when the ledger recorded it (the database's clock, never earlier than the entry
 *     before), to the millisecond
 * @param eventIdentifier the Axon event's identifier
 */
public record AppendedEntry(
    long index, Hash leafHash, Hash prev, Instant recordedAt, String eventIdentifier) {
  /** Checks the fields. */
  public AppendedEntry {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(eventIdentifier, "eventIdentifier");
  }
}
