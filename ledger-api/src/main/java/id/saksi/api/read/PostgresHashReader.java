package id.saksi.api.read;

import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.HashReader;
import id.saksi.core.merkle.NodeId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads stored Merkle nodes from {@code merkle_node} in one query by primary key, whatever the
 * number of ids: the batched read a {@link id.saksi.core.merkle.ProofPlan} is made for, so a proof
 * costs one round trip of O(log n) index lookups.
 */
public final class PostgresHashReader implements HashReader {
  // The ids travel as two arrays and are joined on the primary key (level, idx): one statement
  // text for every plan, so PostgreSQL prepares it once.
  private static final String READ =
      "SELECT n.level, n.idx, n.hash FROM unnest(?::smallint[], ?::bigint[]) AS w(level, idx)"
          + " JOIN merkle_node n ON n.level = w.level AND n.idx = w.idx";

  private final JdbcTemplate jdbc;

  /** A reader over the database {@code jdbc} connects to. */
  public PostgresHashReader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException naming the first id the table does not hold: the caller asked
   *     beyond the committed tree, or the database lost a node
   */
  @Override
  public List<Hash> read(List<NodeId> ids) {
    if (ids.isEmpty()) {
      return new ArrayList<>(0);
    }
    Short[] levels = new Short[ids.size()];
    Long[] indexes = new Long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      levels[i] = (short) ids.get(i).level();
      indexes[i] = ids.get(i).index();
    }
    Map<NodeId, Hash> found = new HashMap<>(ids.size() * 2);
    jdbc.execute(
        (Connection c) -> {
          Array l = c.createArrayOf("int2", levels);
          Array x = c.createArrayOf("int8", indexes);
          try (PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setArray(1, l);
            ps.setArray(2, x);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.put(new NodeId(rs.getShort(1), rs.getLong(2)), Hash.of(rs.getBytes(3)));
              }
            }
          } finally {
            free(l);
            free(x);
          }
          return null;
        });
    List<Hash> hashes = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Hash h = found.get(id);
      if (h == null) {
        throw new IllegalStateException(
            "merkle_node holds no node " + id + ": asked beyond the committed tree");
      }
      hashes.add(h);
    }
    return hashes;
  }

  private static void free(Array a) throws SQLException {
    a.free();
  }
}
