package id.saksi.bench;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.ConsistencyProof;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.InclusionProof;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.merkle.MerkleVerifier;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Merkle tree: leaf hash of a 1 KiB leaf, one node hash, appends (leaves per second), and
 * building and verifying inclusion and consistency proofs in a tree of 1,000,000 leaves.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Merkle -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 * Scores are operations per second; for the append benchmarks one operation is one leaf.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MerkleBenchmark {
  /** Leaves per append invocation: a fresh tree each time, so memory stays bounded. */
  static final int APPEND_BATCH = 1 << 20;

  static final int TREE_SIZE = 1_000_000;

  /** Precomputed leaf hashes, so that appends measure the tree and not SHA-256 of the leaves. */
  @State(Scope.Benchmark)
  public static class Leaves {
    Hash[] hashes;
    byte[] leaf1k;

    @Setup
    public void setUp() {
      hashes = new Hash[APPEND_BATCH];
      for (int i = 0; i < APPEND_BATCH; i++) {
        hashes[i] = Hashing.leafHash(ByteBuffer.allocate(8).putLong(i).array());
      }
      leaf1k = new byte[1024];
      new SplittableRandom(1).nextBytes(leaf1k);
    }
  }

  /** A tree of 1,000,000 leaves, with random leaves and sizes to prove. */
  @State(Scope.Benchmark)
  public static class Tree {
    MerkleTree tree;
    Hash root;
    Hash[] leafHashes;
    long[] indexes;
    long[] oldSizes;
    Hash[] oldRoots;
    InclusionProof[] inclusionProofs;
    ConsistencyProof[] consistencyProofs;
    int next;

    @Setup
    public void setUp() {
      tree = MerkleTree.create(new InMemoryHashStore());
      leafHashes = new Hash[TREE_SIZE];
      for (int i = 0; i < TREE_SIZE; i++) {
        leafHashes[i] = Hashing.leafHash(ByteBuffer.allocate(8).putLong(i).array());
        tree.append(leafHashes[i]);
      }
      root = tree.root();
      SplittableRandom random = new SplittableRandom(2);
      int samples = 1024;
      indexes = new long[samples];
      oldSizes = new long[samples];
      oldRoots = new Hash[samples];
      inclusionProofs = new InclusionProof[samples];
      consistencyProofs = new ConsistencyProof[samples];
      for (int i = 0; i < samples; i++) {
        indexes[i] = random.nextLong(TREE_SIZE);
        oldSizes[i] = random.nextLong(1, TREE_SIZE);
        oldRoots[i] = tree.root(oldSizes[i]);
        inclusionProofs[i] = tree.inclusionProof(indexes[i], TREE_SIZE);
        consistencyProofs[i] = tree.consistencyProof(oldSizes[i], TREE_SIZE);
      }
    }

    int sample() {
      next = (next + 1) & (indexes.length - 1);
      return next;
    }
  }

  @Benchmark
  public Hash leafHash1KiB(Leaves leaves) {
    return Hashing.leafHash(leaves.leaf1k);
  }

  /** One interior node hash, SHA-256(0x01 || left || right): the unit of all tree work. */
  @Benchmark
  public Hash nodeHash(Leaves leaves) {
    return Hashing.nodeHash(leaves.hashes[0], leaves.hashes[1]);
  }

  /** Leaves per second into the compact range and the in-memory store: the tree as used. */
  @Benchmark
  @OperationsPerInvocation(APPEND_BATCH)
  public Hash appendToTree(Leaves leaves) {
    MerkleTree tree = MerkleTree.create(new InMemoryHashStore());
    for (Hash leaf : leaves.hashes) {
      tree.append(leaf);
    }
    return tree.root();
  }

  /** Leaves per second into the compact range alone: the hashing, without storing nodes. */
  @Benchmark
  @OperationsPerInvocation(APPEND_BATCH)
  public Hash appendToCompactRange(Leaves leaves) {
    CompactRange range = new CompactRange();
    for (Hash leaf : leaves.hashes) {
      range.append(leaf);
    }
    return range.root();
  }

  @Benchmark
  public InclusionProof inclusionProofBuild(Tree t) {
    return t.tree.inclusionProof(t.indexes[t.sample()], TREE_SIZE);
  }

  @Benchmark
  public InclusionProof inclusionProofVerify(Tree t) throws Exception {
    int i = t.sample();
    InclusionProof proof = t.inclusionProofs[i];
    proof.verify(t.leafHashes[(int) t.indexes[i]], t.root);
    return proof;
  }

  @Benchmark
  public InclusionProof inclusionProofBuildAndVerify(Tree t) throws Exception {
    int i = t.sample();
    long index = t.indexes[i];
    InclusionProof proof = t.tree.inclusionProof(index, TREE_SIZE);
    MerkleVerifier.verifyInclusion(
        index, TREE_SIZE, t.leafHashes[(int) index], proof.path(), t.root);
    return proof;
  }

  @Benchmark
  public ConsistencyProof consistencyProofBuild(Tree t) {
    return t.tree.consistencyProof(t.oldSizes[t.sample()], TREE_SIZE);
  }

  @Benchmark
  public ConsistencyProof consistencyProofVerify(Tree t) throws Exception {
    int i = t.sample();
    ConsistencyProof proof = t.consistencyProofs[i];
    proof.verify(t.oldRoots[i], t.root);
    return proof;
  }

  @Benchmark
  public ConsistencyProof consistencyProofBuildAndVerify(Tree t) throws Exception {
    int i = t.sample();
    ConsistencyProof proof = t.tree.consistencyProof(t.oldSizes[i], TREE_SIZE);
    proof.verify(t.oldRoots[i], t.root);
    return proof;
  }
}
