/**
 * The ledger's Merkle tree, RFC 9162 section 2.1 (the tree of RFC 6962), over leaf hashes.
 *
 * <p>The tree over leaf hashes {@code D[0:n]} has the root MTH of RFC 9162 section 2.1.1: SHA-256
 * of nothing for {@code n = 0}, the leaf hash itself for {@code n = 1}, otherwise {@code
 * SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))} with {@code k} the largest power of two below {@code
 * n}. Leaf hashes are {@code SHA-256(0x00 || leaf bytes)} ({@link id.saksi.core.hash.Hashing}).
 *
 * <p>Storage is split so that a database can serve it: complete subtrees are addressed by {@link
 * id.saksi.core.merkle.NodeId} and never change; {@link id.saksi.core.merkle.CompactRange} appends
 * and yields the nodes to keep; {@link id.saksi.core.merkle.ProofPlan} says which nodes a root or
 * proof reads and how to combine them; {@link id.saksi.core.merkle.HashReader} reads them in one
 * batch. {@link id.saksi.core.merkle.MerkleTree} puts these together, {@link
 * id.saksi.core.merkle.MerkleVerifier} checks proofs.
 */
package id.saksi.core.merkle;
