package id.saksi.api.ledger;

import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Writes entries with the head row ({@code ledger_head}) locked for the rest of the transaction:
 * the canonical leaf of each statement (the core's {@link Entry}), the Merkle nodes each leaf
 * completes, and the head moved on (size, last leaf hash, frontier, root), in one statement.
 */
public final class PostgresLedgerWriter implements LedgerWriter {

  // One round trip while the lock is held: the entries and tree nodes go in and the head moves on
  // in a single statement. The head only moves if it is where this transaction found it and every
  // row was inserted; otherwise the update count is 0 and the append fails.
  private static final String APPEND =
      "WITH appended AS ("
          + " INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at,"
          + " subject, agency, nonce, statement_hash)"
          + " SELECT u.idx, u.leaf, u.leaf_hash, u.event_identifier, ?::timestamptz,"
          + " u.subject, u.agency, u.nonce, u.statement_hash"
          + " FROM unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::varchar[], ?::varchar[],"
          + " ?::varchar[], ?::varchar[], ?::bytea[])"
          + " AS u(idx, leaf, leaf_hash, event_identifier, subject, agency, nonce, statement_hash)"
          + " RETURNING 1),"
          + " nodes AS ("
          + " INSERT INTO merkle_node (level, idx, hash)"
          + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])"
          + " RETURNING 1)"
          + " UPDATE ledger_head SET size = ?, last_leaf_hash = ?, last_recorded_at = ?,"
          + " frontier = ?, root_hash = ?"
          + " WHERE id = 0 AND size = ? AND (SELECT count(*) FROM appended) = ?"
          + " AND (SELECT count(*) FROM nodes) = ?";

  @Override
  public List<AppendedEntry> append(Connection connection, List<? extends EventMessage<?>> events)
      throws SQLException {
    if (events.isEmpty()) {
      return Collections.emptyList();
    }
    LedgerHead head = LedgerHead.lock(connection);
    long size = head.size();
    Hash prev = head.lastLeafHash();
    CompactRange tree = head.tree();
    // One recordedAt for the whole transaction: its entries are recorded together.
    Instant at = head.recordedAt();
    int n = events.size();
    Long[] indexes = new Long[n];
    byte[][] leaves = new byte[n][];
    byte[][] leafHashes = new byte[n][];
    String[] eventIdentifiers = new String[n];
    String[] subjects = new String[n];
    String[] agencies = new String[n];
    String[] nonces = new String[n];
    byte[][] statementHashes = new byte[n][];
    List<Node> nodes = new ArrayList<>(2 * n + 1);
    List<AppendedEntry> appended = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EventMessage<?> event = events.get(i);
      if (!(event.getPayload() instanceof LedgerRecord)) {
        throw new IllegalStateException(
            "event "
                + event.getIdentifier()
                + " of type "
                + event.getPayloadType().getName()
                + " records no statement; only statements can be stored");
      }
      LedgerRecord record = (LedgerRecord) event.getPayload();
      long index = size + i;
      if (record.index() != index) {
        throw new IllegalStateException(
            "event "
                + event.getIdentifier()
                + " was decided for index "
                + record.index()
                + " but the ledger's next index is "
                + index
                + "; the position must be assigned under the head's lock");
      }
      Entry entry = Entry.create(index, prev, at, record.statement(), record.signatures());
      indexes[i] = index;
      leaves[i] = entry.leafBytes();
      leafHashes[i] = entry.leafHash().bytes();
      eventIdentifiers[i] = event.getIdentifier();
      subjects[i] = record.subject();
      agencies[i] = record.statement().agency();
      nonces[i] = record.statement().nonce();
      statementHashes[i] = Hashing.sha256(record.statement().canonicalBytes()).bytes();
      nodes.addAll(tree.append(entry.leafHash()));
      appended.add(
          new AppendedEntry(
              index, entry.leafHash(), prev, entry.recordedAt(), event.getIdentifier()));
      prev = entry.leafHash();
    }
    int m = nodes.size();
    Short[] levels = new Short[m];
    Long[] nodeIndexes = new Long[m];
    byte[][] nodeHashes = new byte[m][];
    for (int i = 0; i < m; i++) {
      Node node = nodes.get(i);
      levels[i] = (short) node.id().level();
      nodeIndexes[i] = node.id().index();
      nodeHashes[i] = node.hash().bytes();
    }
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      int p = 1;
      append.setObject(p++, at.atOffset(ZoneOffset.UTC));
      append.setArray(p++, connection.createArrayOf("bigint", indexes));
      append.setArray(p++, connection.createArrayOf("bytea", leaves));
      append.setArray(p++, connection.createArrayOf("bytea", leafHashes));
      append.setArray(p++, connection.createArrayOf("varchar", eventIdentifiers));
      append.setArray(p++, connection.createArrayOf("varchar", subjects));
      append.setArray(p++, connection.createArrayOf("varchar", agencies));
      append.setArray(p++, connection.createArrayOf("varchar", nonces));
      append.setArray(p++, connection.createArrayOf("bytea", statementHashes));
      append.setArray(p++, connection.createArrayOf("smallint", levels));
      append.setArray(p++, connection.createArrayOf("bigint", nodeIndexes));
      append.setArray(p++, connection.createArrayOf("bytea", nodeHashes));
      append.setLong(p++, size + n);
      append.setBytes(p++, prev.bytes());
      append.setObject(p++, at.atOffset(ZoneOffset.UTC));
      append.setBytes(p++, LedgerHead.frontierBytes(tree));
      append.setBytes(p++, tree.root().bytes());
      append.setLong(p++, size);
      append.setInt(p++, n);
      append.setInt(p, m);
      if (append.executeUpdate() != 1) {
        // Cannot happen while the row lock is held; refuse rather than fork if it ever does.
        throw new SQLException("ledger_head moved under its lock: expected size " + size);
      }
    }
    LedgerHead.moved(new LedgerHead(size + n, prev, tree, at));
    return Collections.unmodifiableList(appended);
  }
}
