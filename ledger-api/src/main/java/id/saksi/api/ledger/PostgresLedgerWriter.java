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
  // One round trip while the lock is held: the entries go in and the head moves on in a single
  // statement. The head only moves if it is where this transaction found it and every entry was
  // inserted; otherwise the update count is 0 and the append fails.
  private static final String APPEND =
      "WITH appended AS ("
          + " INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at)"
          + " SELECT u.idx, u.leaf, u.leaf_hash, u.event_identifier, ?::timestamptz"
          + " FROM unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::varchar[])"
          + " AS u(idx, leaf, leaf_hash, event_identifier)"
          + " RETURNING 1)"
          + " UPDATE ledger_head SET size = ?, last_leaf_hash = ?, last_recorded_at = ?"
          + " WHERE id = 0 AND size = ? AND (SELECT count(*) FROM appended) = ?";

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
    int n = events.size();
    Long[] indexes = new Long[n];
    byte[][] leaves = new byte[n][];
    byte[][] leafHashes = new byte[n][];
    String[] eventIdentifiers = new String[n];
    List<AppendedEntry> appended = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EventMessage<?> event = events.get(i);
      long index = size + i;
      byte[] leaf = encoder.encode(index, prev, at, event);
      Hash leafHash = Hashing.leafHash(leaf);
      indexes[i] = index;
      leaves[i] = leaf;
      leafHashes[i] = leafHash.bytes();
      eventIdentifiers[i] = event.getIdentifier();
      appended.add(new AppendedEntry(index, leafHash, at, event.getIdentifier()));
      prev = leafHash;
    }
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      append.setObject(1, atUtc);
      append.setArray(2, connection.createArrayOf("bigint", indexes));
      append.setArray(3, connection.createArrayOf("bytea", leaves));
      append.setArray(4, connection.createArrayOf("bytea", leafHashes));
      append.setArray(5, connection.createArrayOf("varchar", eventIdentifiers));
      append.setLong(6, size + n);
      append.setBytes(7, prev.bytes());
      append.setObject(8, atUtc);
      append.setLong(9, size);
      append.setInt(10, n);
      if (append.executeUpdate() != 1) {
        // Cannot happen while the row lock is held; refuse rather than fork if it ever does.
        throw new SQLException("ledger_head moved under its lock: expected size " + size);
      }
    }
    return Collections.unmodifiableList(appended);
  }
}
