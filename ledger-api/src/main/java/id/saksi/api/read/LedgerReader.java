package id.saksi.api.read;

import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.ProofPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads the committed ledger for the public read API: its size, ranges of entries streamed from
 * PostgreSQL, stored checkpoints, and Merkle proofs from the stored tree. Reads only committed
 * data, and only what entries and checkpoints carry: never {@code personal_disclosure}.
 *
 * <p>A committed head size implies its entries and nodes are committed (one transaction writes
 * them), and rows below it never change, so reads that first look at the size and then at rows
 * below it need no snapshot.
 */
public final class LedgerReader {
  /** Rows fetched per round trip while streaming entries (a leaf is at most a few hundred KiB). */
  static final int FETCH_SIZE = 64;

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final PostgresHashReader nodes;

  /** A reader over {@code dataSource}. */
  public LedgerReader(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.nodes = new PostgresHashReader(jdbc);
  }

  /** The number of committed entries. */
  public long size() {
    Long size = jdbc.queryForObject("SELECT size FROM ledger_head WHERE id = 0", Long.class);
    return size == null ? 0 : size;
  }

  /**
   * Writes the leaf bytes of entries {@code [start, end)}, each followed by {@code '\n'}, as they
   * come from the database: a cursor of {@link #FETCH_SIZE} rows at a time, never the whole range
   * in memory. The caller checks that {@code end} is at most {@link #size()}.
   *
   * @return the number of entries written
   * @throws UncheckedIOException if {@code out} fails (the client went away)
   */
  public long writeEntries(long start, long end, OutputStream out) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      boolean autoCommit = c.getAutoCommit();
      // PostgreSQL's driver fetches in batches only inside a transaction; otherwise it reads the
      // whole result at once.
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT leaf FROM ledger_entry WHERE idx >= ? AND idx < ? ORDER BY idx")) {
        ps.setFetchSize(FETCH_SIZE);
        ps.setLong(1, start);
        ps.setLong(2, end);
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.write(rs.getBytes(1));
            out.write('\n');
            n++;
          }
        }
        return n;
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading entries [" + start + ", " + end + ") failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** The stored checkpoint of exactly {@code size} entries, if one was signed. */
  public Optional<StoredCheckpoint> checkpoint(long size) {
    List<StoredCheckpoint> found =
        jdbc.query(
            "SELECT size, note FROM checkpoint WHERE size = ?",
            (rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2)),
            size);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The latest stored checkpoint, if one was signed. */
  public Optional<StoredCheckpoint> latestCheckpoint() {
    List<StoredCheckpoint> found =
        jdbc.query(
            "SELECT size, note FROM checkpoint ORDER BY size DESC LIMIT 1",
            (rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2)),
            new Object[0]);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The size of the largest stored checkpoint smaller than {@code size}, if any. */
  public OptionalLong checkpointSizeBelow(long size) {
    return optional(
        jdbc.queryForObject("SELECT max(size) FROM checkpoint WHERE size < ?", Long.class, size));
  }

  /** The size of the smallest stored checkpoint larger than {@code size}, if any. */
  public OptionalLong checkpointSizeAbove(long size) {
    return optional(
        jdbc.queryForObject("SELECT min(size) FROM checkpoint WHERE size > ?", Long.class, size));
  }

  /**
   * The inclusion path of entry {@code index} in the tree of {@code size} entries (RFC 9162 section
   * 2.1.3.1), from one batched read of O(log n) stored nodes.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   * @throws IllegalStateException if the tree of {@code size} is not committed
   */
  public List<Hash> inclusionPath(long index, long size) {
    return ProofPlan.inclusion(index, size).execute(nodes);
  }

  /**
   * The consistency proof from the tree of {@code from} entries to the tree of {@code to} (RFC 9162
   * section 2.1.4.1), from one batched read; empty when {@code from} is 0 or equals {@code to}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to}
   * @throws IllegalStateException if the tree of {@code to} is not committed
   */
  public List<Hash> consistencyProof(long from, long to) {
    return ProofPlan.consistency(from, to).execute(nodes);
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
