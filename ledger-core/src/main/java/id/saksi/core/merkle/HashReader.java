package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import java.util.List;

/**
 * Reads the hashes of complete subtrees of one log's Merkle tree, many at a time.
 *
 * <p>This is the only read a root or a proof needs: {@link ProofPlan} lists the nodes up front, so
 * that a store backed by a database answers any root, inclusion proof or consistency proof with one
 * batched query of O(log n) rows (for example {@code SELECT level, index, hash ... WHERE (level,
 * index) IN (...)}), and never walks the tree one round trip at a time.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #read} returns exactly one hash per id, in the order of {@code ids}; the list it
 *       returns is not modified afterwards by the reader.
 *   <li>Every id names a complete node (see {@link NodeId}) that was written before the call. A
 *       reader never computes a missing node and never returns a partial result: an id it does not
 *       hold means the caller asked beyond what was written, or the storage lost data, and it
 *       throws an unchecked exception naming the id ({@link IllegalArgumentException} for the
 *       in-memory store).
 *   <li>Storage failures propagate as unchecked exceptions of the implementation's choosing.
 *   <li>{@code ids} may be empty (then the result is empty) and contains no duplicates when it
 *       comes from a {@link ProofPlan}.
 * </ul>
 */
@FunctionalInterface
public interface HashReader {
  /** The hashes of {@code ids}, one per id, in the same order. */
  List<Hash> read(List<NodeId> ids);
}
