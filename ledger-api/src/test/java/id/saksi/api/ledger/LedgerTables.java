package id.saksi.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.entry.ChainVerifier;
import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test-only reads of the ledger's tables, and the checks every test wants of them. */
public final class LedgerTables {
  private final JdbcTemplate jdbc;

  public LedgerTables(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public long size() {
    return jdbc.queryForObject("SELECT size FROM ledger_head WHERE id = 0", Long.class);
  }

  public Hash headHash() {
    return Hash.of(
        jdbc.queryForObject("SELECT last_leaf_hash FROM ledger_head WHERE id = 0", byte[].class));
  }

  public Hash headRoot() {
    return Hash.of(
        jdbc.queryForObject("SELECT root_hash FROM ledger_head WHERE id = 0", byte[].class));
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

  public long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  /** Entry {@code index}, parsed from its stored leaf. */
  public Entry entry(long index) {
    return parse(
        jdbc.queryForObject("SELECT leaf FROM ledger_entry WHERE idx = ?", byte[].class, index));
  }

  /** Every entry, in order. */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (byte[] leaf :
        jdbc.query("SELECT leaf FROM ledger_entry ORDER BY idx", (rs, n) -> rs.getBytes(1))) {
      out.add(parse(leaf));
    }
    return out;
  }

  /** The entries of one subject, in ledger order. */
  public List<Entry> entriesOf(String subject) {
    List<Entry> out = new ArrayList<>();
    for (byte[] leaf :
        jdbc.query(
            "SELECT leaf FROM ledger_entry WHERE subject = ? ORDER BY idx",
            (rs, n) -> rs.getBytes(1),
            subject)) {
      out.add(parse(leaf));
    }
    return out;
  }

  /** The Merkle root of the stored leaves, computed afresh. */
  public Hash recomputedRoot(long size) {
    MerkleTree tree = MerkleTree.create(new InMemoryHashStore());
    for (Entry e : entries().subList(0, (int) size)) {
      tree.append(e.leafHash());
    }
    return tree.root();
  }

  private static Entry parse(byte[] leaf) {
    try {
      return Entry.parse(leaf);
    } catch (Exception e) {
      throw new AssertionError("stored leaf does not parse", e);
    }
  }

  /**
   * The whole ledger is dense from 0 with its head agreeing; each entry links to the one before;
   * the head's root is the root of the stored leaves, and the stored tree nodes are that tree's;
   * events and entries correspond one to one.
   */
  public void assertConsistent() {
    long count = entryCount();
    assertThat(size()).as("head size").isEqualTo(count);
    assertThat(eventCount()).as("events").isEqualTo(count);
    Long unmatched =
        jdbc.queryForObject(
            "SELECT count(*) FROM domainevententry e WHERE NOT EXISTS"
                + " (SELECT 1 FROM ledger_entry l WHERE l.event_identifier = e.eventidentifier)",
            Long.class);
    assertThat(unmatched).as("events without an entry").isZero();
    ChainVerifier chain = ChainVerifier.fromGenesis();
    InMemoryHashStore store = new InMemoryHashStore();
    MerkleTree tree = MerkleTree.create(store);
    List<Entry> entries = entries();
    for (Entry e : entries) {
      try {
        chain.append(e);
      } catch (Exception ex) {
        throw new AssertionError("chain breaks at entry " + e.index(), ex);
      }
      tree.append(e.leafHash());
    }
    assertThat(chain.size()).isEqualTo(count);
    if (count > 0) {
      assertThat(headHash()).as("head hash").isEqualTo(entries.get((int) count - 1).leafHash());
      assertThat(Hashing.leafHash(entries.get(0).leafBytes())).isEqualTo(entries.get(0).leafHash());
    }
    assertThat(headRoot()).as("head root").isEqualTo(tree.root());
    // Every stored checkpoint is of this one tree (invariant 5): its root is the tree's root at
    // its size.
    List<Object[]> checkpoints =
        jdbc.query(
            "SELECT size, root_hash FROM checkpoint ORDER BY size",
            (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
    for (Object[] c : checkpoints) {
      long size = (Long) c[0];
      assertThat(size).as("checkpoint size").isLessThanOrEqualTo(count);
      assertThat(Hash.of((byte[]) c[1]))
          .as("root of checkpoint %d", size)
          .isEqualTo(tree.root(size));
    }
    // Every complete node is stored exactly once: 2n - popcount(n) of them.
    assertThat(count("merkle_node")).isEqualTo(2 * count - Long.bitCount(count));
    List<Object[]> sample =
        jdbc.query(
            "SELECT level, idx, hash FROM merkle_node ORDER BY level DESC, idx LIMIT 3",
            (rs, n) -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getBytes(3)});
    for (Object[] node : sample) {
      assertThat(Hash.of((byte[]) node[2]))
          .as("node (%s, %s)", node[0], node[1])
          .isEqualTo(
              store
                  .read(List.of(new id.saksi.core.merkle.NodeId((Integer) node[0], (Long) node[1])))
                  .get(0));
    }
  }
}
