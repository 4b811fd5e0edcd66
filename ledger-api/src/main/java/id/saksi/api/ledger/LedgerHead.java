package id.saksi.api.ledger;

import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's head row as an appender finds it under its lock: the size (the next entry's index),
 * the last leaf hash (the next entry's {@code prev}), the Merkle tree's frontier, and the time the
 * next entries are recorded at.
 *
 * @param size the number of entries
 * @param lastLeafHash the leaf hash of entry {@code size - 1}, or {@link Hash#ZERO}
 * @param tree the Merkle tree's compact range over the {@code size} leaves
 * @param recordedAt the database's clock, never before the last entry's recorded time
 */
public record LedgerHead(long size, Hash lastLeafHash, CompactRange tree, Instant recordedAt) {

  // GREATEST skips NULL (empty ledger) and keeps recordedAt from going backwards when the clock
  // does, or when clock_timestamp() was read before this transaction waited for the lock.
  // The key under which a transaction keeps the head it locked.
  private static final Object RESOURCE = LedgerHead.class.getName() + ".locked";

  private static final String LOCK =
      "SELECT size, last_leaf_hash, frontier, GREATEST(clock_timestamp(), last_recorded_at)"
          + " FROM ledger_head WHERE id = 0 FOR UPDATE";

  /**
   * Locks the head row for the rest of {@code connection}'s transaction and reads it. From here
   * until that transaction ends, every other appender, in this JVM or another, waits: this lock is
   * what orders the ledger (DESIGN.md invariants 2 and 3). Locking again in the same transaction
   * returns at once.
   */
  public static LedgerHead lock(Connection connection) throws SQLException {
    // Within a Spring transaction the head is read once: the lock is held until the transaction
    // ends and only this transaction moves the head, so what it last wrote is the head.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      LedgerHead held = (LedgerHead) TransactionSynchronizationManager.getResource(RESOURCE);
      if (held != null) {
        return held.copy();
      }
      LedgerHead head = read(connection);
      TransactionSynchronizationManager.bindResource(RESOURCE, head);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
            }
          });
      return head.copy();
    }
    return read(connection);
  }

  /** Records where this transaction moved the head, for its next {@link #lock}. */
  static void moved(LedgerHead head) {
    if (TransactionSynchronizationManager.hasResource(RESOURCE)) {
      TransactionSynchronizationManager.unbindResource(RESOURCE);
      TransactionSynchronizationManager.bindResource(RESOURCE, head.copy());
    }
  }

  private LedgerHead copy() {
    return new LedgerHead(size, lastLeafHash, tree.copy(), recordedAt);
  }

  private static LedgerHead read(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK);
        ResultSet head = lock.executeQuery()) {
      if (!head.next()) {
        throw new SQLException("ledger_head has no row: the schema was not migrated");
      }
      long size = head.getLong(1);
      Hash last = Hash.of(head.getBytes(2));
      byte[] frontier = head.getBytes(3);
      List<Hash> hashes = new ArrayList<>(frontier.length / Hash.SIZE);
      for (int i = 0; i < frontier.length; i += Hash.SIZE) {
        hashes.add(Hash.of(frontier, i));
      }
      Instant at =
          head.getObject(4, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS);
      return new LedgerHead(size, last, CompactRange.restore(size, hashes), at);
    }
  }

  /** The frontier's hashes concatenated, as the head row stores them. */
  static byte[] frontierBytes(CompactRange tree) {
    List<Hash> hashes = tree.hashes();
    byte[] out = new byte[hashes.size() * Hash.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(hashes.get(i).bytes(), 0, out, i * Hash.SIZE, Hash.SIZE);
    }
    return out;
  }
}
