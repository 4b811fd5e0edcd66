package id.saksi.core.merkle;

import id.saksi.core.hash.Hash;

/**
 * The root hash calculated from a proof is not the root hash the caller trusts for that tree size.
 */
public final class RootMismatchException extends ProofVerificationException {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final transient Hash expected;
  private final transient Hash calculated;

  /**
   * For the tree of {@code size} leaves, whose trusted root is {@code expected}, and the root
   * {@code calculated} from the proof.
   */
  public RootMismatchException(long size, Hash expected, Hash calculated) {
    super("calculated root of tree size " + size + " is " + calculated + ", expected " + expected);
    this.size = size;
    this.expected = expected;
    this.calculated = calculated;
  }

  /** Size of the tree whose root did not match. */
  public long size() {
    return size;
  }

  /** The root the caller supplied (from a checkpoint it trusts). */
  public Hash expected() {
    return expected;
  }

  /** The root the proof leads to. */
  public Hash calculated() {
    return calculated;
  }
}
