package id.saksi.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invariants 1 and 2 where they are enforced: one transaction for events, entries and tree; the
 * database itself refuses an event without an entry and a leaf hash that is not its leaf's; a
 * failed write appends nothing and burns no index; a conflict is retried once with fresh
 * aggregates.
 */
class LedgerWriteTest extends HttpLedgerTest {
  @Autowired FaultInjection.Faults faults;
  @Autowired PlatformTransactionManager springTransactions;

  private static Submissions.Signed circular(String subject) {
    return Submissions.sign(
        "PEMKOT-METRO", "instrument.issued", subject, Bodies.circular("005/3/B-06/2023"));
  }

  @Test
  void ledgerWriteFails_nothingIsStoredAndNoIndexIsBurnt() {
    String subject = "instrument/T-" + UUID.randomUUID();
    faults.fail(subject, FaultInjection.Kind.DATABASE, 1_000);
    long size = ledger.size();
    long events = ledger.eventCount();

    LedgerClient.Response r = client.post(circular(subject));

    assertThat(r.status()).as(r.body()).isEqualTo(503);
    assertThat(r.problemType()).isEqualTo("unavailable");
    assertThat(ledger.size()).isEqualTo(size);
    assertThat(ledger.eventCount()).isEqualTo(events);
    assertThat(ledger.eventCount(subject)).isZero();
    assertThat(ledger.count("personal_disclosure WHERE entry_idx >= " + size)).isZero();
    // The next statement takes the very next index.
    LedgerClient.Response next = client.post(circular("instrument/T-" + UUID.randomUUID()));
    assertThat(next.index()).isEqualTo(size);
    ledger.assertConsistent();
  }

  @Test
  void conflictOnce_isRetriedWithFreshAggregatesAndAppendedOnce() {
    String subject = "instrument/T-" + UUID.randomUUID();
    faults.fail(subject, FaultInjection.Kind.CONFLICT, 1);
    long size = ledger.size();

    LedgerClient.Response r = client.post(circular(subject));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.index()).isEqualTo(size);
    assertThat(ledger.entriesOf(subject)).hasSize(1);
    assertThat(ledger.eventCount(subject)).isEqualTo(1);
    ledger.assertConsistent();
  }

  @Test
  void conflictTwice_isRefusedAndAppendsNothing() {
    String subject = "instrument/T-" + UUID.randomUUID();
    faults.fail(subject, FaultInjection.Kind.CONFLICT, 2);
    long size = ledger.size();

    LedgerClient.Response r = client.post(circular(subject));

    assertThat(r.status()).as(r.body()).isEqualTo(503);
    assertThat(ledger.size()).isEqualTo(size);
    assertThat(ledger.eventCount(subject)).isZero();
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
                    "INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at,"
                        + " subject, agency, nonce, statement_hash) VALUES (999999999, 'a'::bytea,"
                        + " sha256('a'::bytea), 'x', now(), 's', 'A', 'n', sha256('a'::bytea))"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ledger_entry_leaf_hash_is_sha256_of_leaf");
  }

  @Test
  void database_refusesASecondStatementForOneNonce() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Object[] first =
        jdbc.queryForObject(
            "SELECT agency, nonce FROM ledger_entry WHERE idx = 2",
            (rs, n) -> new Object[] {rs.getString(1), rs.getString(2)});
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at,"
                        + " subject, agency, nonce, statement_hash) VALUES (999999998, 'a'::bytea,"
                        + " sha256('\\x00'::bytea || 'a'::bytea), 'y', now(), 's', ?, ?,"
                        + " sha256('a'::bytea))",
                    first[0],
                    first[1]))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ledger_entry_agency_nonce_unique");
  }
}
