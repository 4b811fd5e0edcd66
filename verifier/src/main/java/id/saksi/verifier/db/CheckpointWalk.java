package id.saksi.verifier.db;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.EntryObserver;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.VerifyOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Checks every stored checkpoint older than the one verified against (table {@code checkpoint}):
 * each is signed by the log key trusted at its size ({@link LogKeyChain}: the key given, or a
 * retired one a transition checkpoint vouches for), its {@code size} and {@code root_hash} columns
 * are what its note says, and its root is the root of the ledger's first {@code size} entries. The
 * same root comparison is made for checkpoints that do not come from the table ({@link Expected}:
 * the transition checkpoints of the log key's rotations, the one given with {@code --since}). It
 * sees the entries in order as the verification finds them and reads the checkpoints from an open
 * cursor as the tree reaches their sizes, so that neither is held in memory. A stored checkpoint
 * whose root the entries do not give is a fork the log signed, or a row changed directly in SQL.
 */
final class CheckpointWalk implements EntryObserver, AutoCloseable {
  /**
   * A checkpoint from elsewhere than the table, already opened, whose root the entries must give.
   *
   * @param what what it is, for the message: "the transition checkpoint", ...
   */
  record Expected(Checkpoint checkpoint, String what) {}

  private final Connection connection;
  private final PreparedStatement query;
  private final ResultSet rows;
  private final VerifyOptions options;
  private final LogKeyChain chain;
  private final Findings findings;
  private final Deque<Expected> extra;
  private final CompactRange tree = new CompactRange();
  private Checkpoint nextRow;
  private Checkpoint next;
  private String nextWhat;
  private boolean broken;
  private long compared;

  /**
   * Walks the checkpoints of size below {@code latestSize}, on {@code connection} (closed here),
   * and the {@code extra} ones (sorted by size, none beyond {@code latestSize}).
   */
  CheckpointWalk(
      Connection connection,
      long latestSize,
      VerifyOptions options,
      LogKeyChain chain,
      List<Expected> extra,
      Findings findings)
      throws SQLException {
    this.connection = connection;
    this.options = options;
    this.chain = chain;
    this.findings = findings;
    this.extra = new ArrayDeque<>(extra);
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    query =
        connection.prepareStatement(
            "SELECT size, root_hash, note FROM checkpoint WHERE size < ? ORDER BY size");
    query.setFetchSize(256);
    query.setLong(1, latestSize);
    rows = query.executeQuery();
    advanceRow();
    advance();
  }

  /**
   * Checks one stored row against its note; {@code size} and {@code root} are its columns.
   *
   * @return the checkpoint its note signs, or null if the note is not the log's
   */
  static Checkpoint checkRow(
      long size,
      byte[] root,
      byte[] note,
      VerifyOptions options,
      LogKeyChain chain,
      Findings findings) {
    Checkpoint cp;
    try {
      cp = chain.open(note, size, options.origin());
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

  private void advanceRow() throws SQLException {
    nextRow = null;
    while (nextRow == null && rows.next()) {
      nextRow =
          checkRow(rows.getLong(1), rows.getBytes(2), rows.getBytes(3), options, chain, findings);
    }
  }

  /** The next checkpoint to compare, the table's or an extra one, the smaller first. */
  private void advance() throws SQLException {
    if (!extra.isEmpty()
        && (nextRow == null || extra.peekFirst().checkpoint().size() <= nextRow.size())) {
      Expected e = extra.pollFirst();
      next = e.checkpoint();
      nextWhat = e.what();
      return;
    }
    next = nextRow;
    nextWhat = "the stored checkpoint";
    if (nextRow != null) {
      advanceRow();
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
                    nextWhat
                        + " of tree size "
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
