package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import java.util.List;

/**
 * An RFC 9162 consistency proof that the tree of {@code size1} leaves is a prefix of the tree of
 * {@code size2} leaves (the {@code consistency_path} of section 2.1.4.1).
 */
public record ConsistencyProof(long size1, long size2, List<Hash> path) {
  /** Copies the path; rejects null hashes and negative sizes. */
  public ConsistencyProof {
    if (size1 < 0 || size2 < 0) {
      throw new IllegalArgumentException(
          "sizes must not be negative, got size1 " + size1 + ", size2 " + size2);
    }
    path = List.copyOf(path);
  }

  /**
   * Verifies that the tree with root {@code root1} is a prefix of the tree with root {@code root2};
   * see {@link MerkleVerifier#verifyConsistency}.
   */
  public void verify(Hash root1, Hash root2) throws ProofVerificationException {
    MerkleVerifier.verifyConsistency(size1, size2, path, root1, root2);
  }
}
