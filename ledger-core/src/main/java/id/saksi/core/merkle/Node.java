package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import java.util.Objects;

/** A complete subtree's address and its hash: what a store keeps, and keeps forever. */
public record Node(NodeId id, Hash hash) {
  /** Rejects nulls. */
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
  }
}
