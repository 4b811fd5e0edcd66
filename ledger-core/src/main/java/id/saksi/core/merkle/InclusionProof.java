package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;
import java.util.List;

/**
 * An RFC 9162 inclusion proof: the hashes that lead from the leaf at {@code index} to the root of
 * the tree of {@code size} leaves, lowest level first (the {@code inclusion_path} of section
 * 2.1.3.1).
 */
public record InclusionProof(long index, long size, List<Hash> path) {
  /** Copies the path; rejects null hashes and negative numbers. */
  public InclusionProof {
    if (index < 0 || size < 0) {
      throw new IllegalArgumentException(
          "index and size must not be negative, got index " + index + ", size " + size);
    }
    path = List.copyOf(path);
  }

  /** The root this proof leads to from {@code leafHash}; see {@link MerkleVerifier}. */
  public Hash rootFrom(Hash leafHash) throws ProofVerificationException {
    return MerkleVerifier.rootFromInclusionProof(index, size, leafHash, path);
  }

  /**
   * Verifies that {@code leafHash} is leaf {@link #index()} of the tree of {@link #size()} leaves
   * with root {@code root}; see {@link MerkleVerifier#verifyInclusion}.
   */
  public void verify(Hash leafHash, Hash root) throws ProofVerificationException {
    MerkleVerifier.verifyInclusion(index, size, leafHash, path, root);
  }
}
