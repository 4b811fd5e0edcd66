package id.saksi.verifier.db;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.EntryObserver;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.VerifyOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Checks every stored checkpoint older than the one verified against (table {@code checkpoint}):
 * each is signed by the log key, its {@code size} and {@code root_hash} columns are what its note
 * says, and its root is the root of the ledger's first {@code size} entries. It sees the entries in
 * order as the verification finds them and reads the checkpoints from an open cursor as the tree
 * reaches their sizes, so that neither is held in memory. A stored checkpoint whose root the
 * entries do not give is a fork the log signed, or a row changed directly in SQL.
 */
final class CheckpointWalk implements EntryObserver, AutoCloseable {
  private final Connection connection;
  private final PreparedStatement query;
  private final ResultSet rows;
  private final VerifyOptions options;
  private final Findings findings;
  private final CompactRange tree = new CompactRange();
  private Checkpoint next;
  private boolean broken;
  private long compared;

  /**
   * Walks the checkpoints of size below {@code latestSize}, on {@code connection} (closed here).
   */
  CheckpointWalk(Connection connection, long latestSize, VerifyOptions options, Findings findings)
      throws SQLException {
    this.connection = connection;
    this.options = options;
    this.findings = findings;
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    query =
        connection.prepareStatement(
            "SELECT size, root_hash, note FROM checkpoint WHERE size < ? ORDER BY size");
    query.setFetchSize(256);
    query.setLong(1, latestSize);
    rows = query.executeQuery();
    advance();
  }

  /**
   * Checks one stored row against its note; {@code size} and {@code root} are its columns.
   *
   * @return the checkpoint its note signs, or null if the note is not the log's
   */
  static Checkpoint checkRow(
      long size, byte[] root, byte[] note, VerifyOptions options, Findings findings) {
    Checkpoint cp;
    try {
      cp = Checkpoints.open(note, options.logKey(), options.origin());
    } catch (ParseException | VerificationException e) {
      findings.add(
          Failure.global(
              Check.CHECKPOINT,
              "the stored checkpoint of tree size "
                  + size
                  + " is not the log's: "
                  + e.getMessage()));
      return null;
    }
    if (cp.size() != size) {
      findings.add(
          Failure.global(
              Check.CHECKPOINT,
              "the stored checkpoint in the row of size " + size + " signs another tree size",
              size,
              cp.size()));
    }
    if (!Arrays.equals(root, cp.rootHash().bytes())) {
      findings.add(
          Failure.global(
              Check.CHECKPOINT,
              "the root_hash column of the stored checkpoint of tree size "
                  + size
                  + " is not the root its signed note gives",
              cp.rootHash().base64(),
              root == null || root.length != Hash.SIZE ? "(not a hash)" : Hash.of(root).base64()));
    }
    return cp;
  }

  private void advance() throws SQLException {
    next = null;
    while (next == null && rows.next()) {
      next = checkRow(rows.getLong(1), rows.getBytes(2), rows.getBytes(3), options, findings);
    }
  }

  @Override
  public void entry(long index, Hash leafHash, Instant recordedAt) {
    if (broken || next == null) {
      return;
    }
    if (index != tree.size()) {
      // The verification reports the gap; the older roots cannot be rebuilt past it.
      broken = true;
      return;
    }
    tree.append(leafHash);
    try {
      while (next != null && next.size() <= tree.size()) {
        if (next.size() == tree.size()) {
          compared++;
          Hash root = tree.root();
          if (!root.equals(next.rootHash())) {
            findings.add(
                Failure.global(
                    Check.CONSISTENCY,
                    "the stored checkpoint of tree size "
                        + next.size()
                        + " signs a root that the ledger's first "
                        + next.size()
                        + " entries do not give: a fork, or entries or the checkpoint changed",
                    root.base64(),
                    next.rootHash().base64()));
          }
        }
        advance();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading table checkpoint failed: " + e.getMessage(), e);
    }
  }

  /** Stored checkpoints whose roots were compared with the entries'. */
  long compared() {
    return compared;
  }

  /** Whether stored checkpoints were left uncompared (after a gap in the entries). */
  boolean incomplete() {
    return next != null;
  }

  @Override
  public void close() throws SQLException {
    try {
      rows.close();
      query.close();
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
