package id.saksi.api.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage engine with the ledger written in the same transaction: every batch of
 * events Axon stores is followed, on the same transaction-bound connection, by {@link
 * LedgerWriter#append}. Either both commit or neither does (DESIGN.md, invariant 1).
 *
 * <p>Snapshots are not events and get no entry. Reads of an aggregate the sequencer declared absent
 * ({@link AbsentAggregates}) return nothing without asking the database.
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

  /**
   * The key under which the entries appended in a unit of work are kept in its root's resources (a
   * {@code List<AppendedEntry>}), for whoever answers the command once it has committed.
   */
  public static final String APPENDED_ENTRIES =
      LedgerEventStorageEngine.class.getName() + ".entries";

  private final TransactionManager transactionManager;
  private final LedgerWriter ledgerWriter;

  /**
   * An engine configured by {@code builder}, which must carry the same {@code transactionManager}.
   */
  public LedgerEventStorageEngine(
      JdbcEventStorageEngine.Builder builder,
      TransactionManager transactionManager,
      LedgerWriter ledgerWriter) {
    super(builder.transactionManager(transactionManager));
    this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
    this.ledgerWriter = Objects.requireNonNull(ledgerWriter, "ledgerWriter");
  }

  @Override
  public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
    if (AbsentAggregates.isAbsent(aggregateIdentifier)) {
      return DomainEventStream.empty();
    }
    return super.readEvents(aggregateIdentifier, firstSequenceNumber);
  }

  @Override
  public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
    if (AbsentAggregates.isAbsent(aggregateIdentifier)) {
      return Optional.empty();
    }
    return super.readSnapshot(aggregateIdentifier);
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    if (AbsentAggregates.isAbsent(aggregateIdentifier)) {
      return Optional.empty();
    }
    return super.lastSequenceNumberFor(aggregateIdentifier);
  }

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    // Inside a command this joins the unit of work's transaction; alone, it opens one, so the
    // events and their entries still commit together.
    transactionManager.executeInTransaction(
        () -> {
          super.appendEvents(events, serializer);
          List<AppendedEntry> entries = writeLedger(events);
          remember(entries);
        });
    // If the process dies before the enclosing transaction commits, PostgreSQL discards the
    // events and the entries together; after the commit, both survive (fsync on).
  }

  private List<AppendedEntry> writeLedger(List<? extends EventMessage<?>> events) {
    // In a unit of work this is the connection super.appendEvents used, bound to the
    // transaction; closing it only releases that binding.
    Connection connection = getConnection();
    try {
      return ledgerWriter.append(connection, events);
    } catch (SQLException e) {
      throw new EventStoreException(
          "Could not append "
              + events.size()
              + " ledger entries, first event "
              + events.get(0).getIdentifier()
              + ": "
              + e.getMessage(),
          e);
    } finally {
      JdbcUtils.closeQuietly(connection);
    }
  }

  private static void remember(List<AppendedEntry> entries) {
    if (!CurrentUnitOfWork.isStarted()) {
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    List<AppendedEntry> all = root.getOrComputeResource(APPENDED_ENTRIES, k -> new ArrayList<>());
    all.addAll(entries);
  }
}
