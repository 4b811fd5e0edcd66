package id.saksi.api.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Appends one ledger entry per event, inside the database transaction that stores the events.
 *
 * <p>Durability contract: {@link #append} is called by {@link LedgerEventStorageEngine} after Axon
 * has inserted {@code events} and before the transaction commits, on that transaction's connection.
 * An implementation does all its work on that connection and never commits, rolls back or closes
 * it. When it returns, its entries (and the Merkle nodes they complete, and the moved head) commit
 * if and only if the events commit: if the process dies before the commit, neither exists after
 * recovery; after the commit, both do. When it throws, the transaction is rolled back: neither the
 * events nor any entry is stored, and the command that produced the events fails with the
 * exception.
 *
 * <p>The order of entries is decided in the database (not in a JVM), so several service instances
 * on one database never fork or gap the ledger: indexes are dense from 0, and entries appear in the
 * order of {@code events}.
 */
public interface LedgerWriter {

  /**
   * Appends an entry for each of {@code events}, in order, at the next free indexes.
   *
   * @param connection the connection of the transaction that stored {@code events}
   * @param events the events just stored; each payload is a {@link LedgerRecord} whose index is the
   *     next free one, in order
   * @return the appended entries, one per event, in the same order
   * @throws SQLException when the database refuses; the transaction is then rolled back
   * @throws IllegalStateException when an event is not a {@link LedgerRecord}, or its index is not
   *     the next: a bug of the sequencer, refused rather than written
   */
  List<AppendedEntry> append(Connection connection, List<? extends EventMessage<?>> events)
      throws SQLException;
}
