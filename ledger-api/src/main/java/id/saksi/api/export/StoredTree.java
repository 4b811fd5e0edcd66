package id.saksi.api.export;

import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.HashReader;
import id.saksi.core.merkle.NodeId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree's stored nodes (table {@code merkle_node}) as a {@link HashReader}: one query per
 * plan, by primary key, in the plan's order. A node that is not stored is a read beyond what was
 * written, or lost data: it fails, never computes.
 */
final class StoredTree implements HashReader {
  private static final String READ =
      "SELECT m.hash FROM unnest(?::smallint[], ?::bigint[]) WITH ORDINALITY AS u(level, idx, ord)"
          + " LEFT JOIN merkle_node m ON m.level = u.level AND m.idx = u.idx ORDER BY u.ord";

  private final Connection connection;

  /** Reads on {@code connection}, which the caller owns. */
  StoredTree(Connection connection) {
    this.connection = connection;
  }

  @Override
  public List<Hash> read(List<NodeId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Short[] levels = new Short[ids.size()];
    Long[] indexes = new Long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      levels[i] = (short) ids.get(i).level();
      indexes[i] = ids.get(i).index();
    }
    try (PreparedStatement ps = connection.prepareStatement(READ)) {
      Array l = connection.createArrayOf("smallint", levels);
      Array x = connection.createArrayOf("bigint", indexes);
      ps.setArray(1, l);
      ps.setArray(2, x);
      List<Hash> out = new ArrayList<>(ids.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] hash = rs.getBytes(1);
          if (hash == null) {
            throw new IllegalStateException(
                "the Merkle node " + ids.get(out.size()) + " is not stored");
          }
          out.add(Hash.of(hash));
        }
      }
      if (out.size() != ids.size()) {
        throw new IllegalStateException(
            "read " + out.size() + " Merkle nodes for " + ids.size() + " ids");
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading merkle_node failed: " + e.getMessage(), e);
    }
  }
}
