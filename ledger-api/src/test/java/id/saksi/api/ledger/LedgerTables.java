package id.saksi.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test-only reads of the ledger's tables, and the checks every test wants of them. */
public final class LedgerTables {
  private final JdbcTemplate jdbc;

  public LedgerTables(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** A ledger row. */
  public record Row(long index, byte[] leaf, Hash leafHash, String eventIdentifier) {}

  public long size() {
    return jdbc.queryForObject("SELECT size FROM ledger_head WHERE id = 0", Long.class);
  }

  public Hash headHash() {
    return Hash.of(
        jdbc.queryForObject("SELECT last_leaf_hash FROM ledger_head WHERE id = 0", byte[].class));
  }

  public long entryCount() {
    return jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Long.class);
  }

  public long eventCount() {
    return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
  }

  public long eventCount(String aggregateId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
        Long.class,
        aggregateId);
  }

  /** The entries recording the events of one aggregate, in aggregate sequence order. */
  public List<Row> entriesOf(String aggregateId) {
    return jdbc.query(
        "SELECT l.idx, l.leaf, l.leaf_hash, l.event_identifier FROM ledger_entry l"
            + " JOIN domainevententry e ON e.eventidentifier = l.event_identifier"
            + " WHERE e.aggregateidentifier = ? ORDER BY e.sequencenumber",
        (rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), Hash.of(rs.getBytes(3)), rs.getString(4)),
        aggregateId);
  }

  /**
   * The whole ledger is dense from 0 with its head agreeing, and events and entries correspond one
   * to one.
   */
  public void assertConsistent() {
    long count = entryCount();
    Long maxIndex = jdbc.queryForObject("SELECT max(idx) FROM ledger_entry", Long.class);
    Long minIndex = jdbc.queryForObject("SELECT min(idx) FROM ledger_entry", Long.class);
    if (count > 0) {
      assertThat(minIndex).as("first index").isZero();
      assertThat(maxIndex).as("last index").isEqualTo(count - 1);
    }
    assertThat(size()).as("head size").isEqualTo(count);
    assertThat(eventCount()).as("events").isEqualTo(count);
    Long unmatched =
        jdbc.queryForObject(
            "SELECT count(*) FROM domainevententry e WHERE NOT EXISTS"
                + " (SELECT 1 FROM ledger_entry l WHERE l.event_identifier = e.eventidentifier)",
            Long.class);
    assertThat(unmatched).as("events without an entry").isZero();
    if (count > 0) {
      byte[] last =
          jdbc.queryForObject(
              "SELECT leaf FROM ledger_entry WHERE idx = ?", byte[].class, count - 1);
      assertThat(headHash()).as("head hash").isEqualTo(Hashing.leafHash(last));
    }
  }
}
