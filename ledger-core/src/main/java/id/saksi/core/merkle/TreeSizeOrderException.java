package id.saksi.core.merkle;

/** A consistency proof is asked to go from a larger tree to a smaller one: a log only grows. */
public final class TreeSizeOrderException extends ProofVerificationException {
  private static final long serialVersionUID = 1L;

  private final long size1;
  private final long size2;

  /** For a proof claimed from tree size {@code size1} to {@code size2}, with size1 > size2. */
  public TreeSizeOrderException(long size1, long size2) {
    super(
        "consistency proof from tree size "
            + size1
            + " to the smaller size "
            + size2
            + " (want size1 <= size2)");
    this.size1 = size1;
    this.size2 = size2;
  }

  /** The first (older) tree size. */
  public long size1() {
    return size1;
  }

  /** The second (newer) tree size. */
  public long size2() {
    return size2;
  }
}
