package id.saksi.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.testdomain.CounterIncrementedEvent;
import id.saksi.api.testdomain.CreateCounterCommand;
import id.saksi.api.testdomain.IncrementCounterCommand;
import id.saksi.core.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Invariants 1 and 2 on the running service: one transaction, one entry per event, dense. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerWriteTest {
  @Autowired CommandGateway commands;
  @Autowired DataSource dataSource;
  @Autowired FaultInjection.Faults faults;
  @Autowired EventStore eventStore;
  @Autowired TransactionManager axonTransactions;
  @Autowired PlatformTransactionManager springTransactions;

  LedgerTables ledger;

  @BeforeEach
  void setUp() {
    ledger = new LedgerTables(dataSource);
  }

  @Test
  void command_appendsOneEntryPerEventInOrder() {
    String id = UUID.randomUUID().toString();
    long before = ledger.size();

    commands.sendAndWait(new CreateCounterCommand(id));
    commands.sendAndWait(new IncrementCounterCommand(id, 3));

    List<LedgerTables.Row> rows = ledger.entriesOf(id);
    assertThat(ledger.eventCount(id)).isEqualTo(4);
    assertThat(rows).hasSize(4);
    // The three events of one command are consecutive and in the aggregate's order.
    assertThat(rows.get(1).index() + 1).isEqualTo(rows.get(2).index());
    assertThat(rows.get(2).index() + 1).isEqualTo(rows.get(3).index());
    assertThat(rows.get(0).index()).isGreaterThanOrEqualTo(before);
    for (LedgerTables.Row row : rows) {
      assertThat(row.leafHash()).isEqualTo(Hashing.leafHash(row.leaf()));
    }
    // Entry i names the leaf hash of entry i-1 (in the stand-in encoding, as hex).
    assertThat(new String(rows.get(2).leaf(), StandardCharsets.UTF_8))
        .contains("\"prev\":\"" + rows.get(1).leafHash().hex() + "\"");
    ledger.assertConsistent();
  }

  @Test
  void ledgerWriteFails_neitherEventNorEntryIsStored() {
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(new CreateCounterCommand(id));
    faults.failLedgerWriteFor(id);
    long sizeBefore = ledger.size();
    long eventsBefore = ledger.eventCount();

    assertThatThrownBy(() -> commands.sendAndWait(new IncrementCounterCommand(id, 2)))
        .isInstanceOf(EventStoreException.class)
        .hasMessageContaining("Could not append 2 ledger entries")
        .hasRootCauseInstanceOf(FaultInjection.InjectedFailure.class);

    assertThat(ledger.eventCount(id)).isEqualTo(1);
    assertThat(ledger.entriesOf(id)).hasSize(1);
    assertThat(ledger.eventCount()).isEqualTo(eventsBefore);
    assertThat(ledger.size()).isEqualTo(sizeBefore);
    // The failed append burnt no index: the next entry takes the very next one.
    String other = UUID.randomUUID().toString();
    commands.sendAndWait(new CreateCounterCommand(other));
    assertThat(ledger.entriesOf(other).get(0).index()).isEqualTo(sizeBefore);
    ledger.assertConsistent();
  }

  @Test
  void duplicateAggregateSequence_isConcurrencyException() {
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(new CreateCounterCommand(id));
    commands.sendAndWait(new IncrementCounterCommand(id, 1));
    long sizeBefore = ledger.size();

    // A second writer that loaded the aggregate at sequence 0 and also writes sequence 1.
    GenericDomainEventMessage<CounterIncrementedEvent> stale =
        new GenericDomainEventMessage<>(
            "CounterAggregate", id, 1, new CounterIncrementedEvent(id, 1));
    DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
    uow.attachTransaction(axonTransactions);

    ResultMessage<?> result =
        uow.executeWithResult(
            () -> {
              eventStore.publish(stale);
              return null;
            });

    assertThat(result.isExceptional()).isTrue();
    assertThat(result.exceptionResult())
        .isInstanceOf(ConcurrencyException.class)
        .hasMessageContaining("at sequence [1] was already inserted");

    assertThat(ledger.eventCount(id)).isEqualTo(2);
    assertThat(ledger.size()).isEqualTo(sizeBefore);
    ledger.assertConsistent();
  }

  @Test
  void concurrentCommands_giveDenseIndexes() throws Exception {
    int senders = 8;
    int commandsEach = 40;
    long before = ledger.size();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        results.add(
            pool.submit(
                () -> {
                  int events = 0;
                  String id = UUID.randomUUID().toString();
                  commands.sendAndWait(new CreateCounterCommand(id));
                  events++;
                  for (int i = 1; i < commandsEach; i++) {
                    if (i % 4 == 0) {
                      id = UUID.randomUUID().toString();
                      commands.sendAndWait(new CreateCounterCommand(id));
                      events++;
                    } else {
                      commands.sendAndWait(new IncrementCounterCommand(id, 1 + i % 3));
                      events += 1 + i % 3;
                    }
                  }
                  return events;
                }));
      }
      long events = 0;
      for (Future<Integer> result : results) {
        events += result.get();
      }
      assertThat(ledger.size()).isEqualTo(before + events);
    } finally {
      pool.shutdownNow();
    }
    ledger.assertConsistent();
  }

  @Test
  void database_refusesEventWithoutEntry() {
    TransactionTemplate tx = new TransactionTemplate(springTransactions);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String id = UUID.randomUUID().toString();

    // Whatever code path stores an event, it cannot commit without its ledger entry.
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s ->
                        jdbc.update(
                            "INSERT INTO domainevententry (aggregateidentifier, sequencenumber,"
                                + " type, eventidentifier, payload, payloadtype, timestamp)"
                                + " VALUES (?, 0, 'X', ?, '\\x00'::bytea, 'X', 'now')",
                            id,
                            id)))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("event " + id + " has no ledger entry");
    assertThat(ledger.eventCount(id)).isZero();
  }

  @Test
  void database_refusesEntryWhoseHashIsNotItsLeaf() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at)"
                        + " VALUES (999999999, 'a'::bytea, sha256('a'::bytea), 'x', now())"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ledger_entry_leaf_hash_is_sha256_of_leaf");
  }
}
