package id.saksi.api.ledger;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.EventMessage;

/**
 * Sequences entries with a single-row head table ({@code ledger_head}) locked for the rest of the
 * transaction, and stores them in {@code ledger_entry}. The index comes from the database, so
 * several service instances on one database agree on it.
 */
public final class PostgresLedgerWriter implements LedgerWriter {

  // GREATEST skips NULL (empty ledger) and keeps recordedAt from going backwards when the clock
  // does, or when clock_timestamp() was read before this transaction waited for the lock.
  private static final String LOCK_HEAD =
      "SELECT size, last_leaf_hash, GREATEST(clock_timestamp(), last_recorded_at)"
          + " FROM ledger_head WHERE id = 0 FOR UPDATE";
  private static final String INSERT_ENTRY =
      "INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at)"
          + " VALUES (?, ?, ?, ?, ?)";
  private static final String MOVE_HEAD =
      "UPDATE ledger_head SET size = ?, last_leaf_hash = ?, last_recorded_at = ?"
          + " WHERE id = 0 AND size = ?";

  private final LeafEncoder encoder;

  /** A writer that makes each entry's leaf bytes with {@code encoder}. */
  public PostgresLedgerWriter(LeafEncoder encoder) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
  }

  @Override
  public List<AppendedEntry> append(Connection connection, List<? extends EventMessage<?>> events)
      throws SQLException {
    if (events.isEmpty()) {
      return Collections.emptyList();
    }
    long size;
    Hash prev;
    OffsetDateTime recordedAt;
    // From here until the transaction ends, every other appender waits on this row.
    try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
        ResultSet head = lock.executeQuery()) {
      if (!head.next()) {
        throw new SQLException("ledger_head has no row: the schema was not migrated");
      }
      size = head.getLong(1);
      prev = Hash.of(head.getBytes(2));
      recordedAt = head.getObject(3, OffsetDateTime.class);
    }
    // One recordedAt for the whole transaction: its events are recorded together.
    Instant at = recordedAt.toInstant();
    OffsetDateTime atUtc = at.atOffset(ZoneOffset.UTC);
    List<AppendedEntry> appended = new ArrayList<>(events.size());
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
      long index = size;
      for (EventMessage<?> event : events) {
        byte[] leaf = encoder.encode(index, prev, at, event);
        Hash leafHash = Hashing.leafHash(leaf);
        insert.setLong(1, index);
        insert.setBytes(2, leaf);
        insert.setBytes(3, leafHash.bytes());
        insert.setString(4, event.getIdentifier());
        insert.setObject(5, atUtc);
        insert.addBatch();
        appended.add(new AppendedEntry(index, leafHash, at, event.getIdentifier()));
        prev = leafHash;
        index++;
      }
      insert.executeBatch();
    }
    try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
      move.setLong(1, size + events.size());
      move.setBytes(2, prev.bytes());
      move.setObject(3, atUtc);
      move.setLong(4, size);
      int moved = move.executeUpdate();
      if (moved != 1) {
        // Cannot happen while the row lock is held; refuse rather than fork if it ever does.
        throw new SQLException("ledger_head moved under its lock: expected size " + size);
      }
    }
    return Collections.unmodifiableList(appended);
  }
}
