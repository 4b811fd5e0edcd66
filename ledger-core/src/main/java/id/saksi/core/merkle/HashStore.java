package id.saksi.core.merkle;

import java.util.List;

/**
 * A {@link HashReader} that can also keep new complete nodes, as {@link CompactRange#append}
 * produces them.
 *
 * <p>Contract of {@link #write}:
 *
 * <ul>
 *   <li>A node's hash never changes once its subtree is complete, so a write is an insert, never an
 *       update. Writing an id again with the same hash is allowed (a retried batch); writing it
 *       with a different hash is a bug in the caller and throws {@link IllegalStateException},
 *       leaving the stored hash as it was.
 *   <li>The nodes of one call are stored all or none. An implementation backed by a database says
 *       in its own documentation whether they are durable when {@code write} returns or only when
 *       the surrounding transaction commits; the ledger writes them in the same transaction as the
 *       entries whose leaves they cover, so that after a crash the tree and the entries agree.
 * </ul>
 */
public interface HashStore extends HashReader {
  /** Stores complete nodes; see the class documentation for the contract. */
  void write(List<Node> nodes);
}
