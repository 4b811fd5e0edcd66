package id.saksi.core.merkle;

/** An inclusion proof names a leaf index that is not below the tree size. */
public final class IndexOutOfRangeException extends ProofVerificationException {
  private static final long serialVersionUID = 1L;

  private final long index;
  private final long size;

  /** For leaf {@code index} claimed in a tree of {@code size} leaves, with index >= size. */
  public IndexOutOfRangeException(long index, long size) {
    super("leaf index " + index + " is not in a tree of size " + size + " (want index < size)");
    this.index = index;
    this.size = size;
  }

  /** The leaf index the proof claims. */
  public long index() {
    return index;
  }

  /** The tree size it was checked against. */
  public long size() {
    return size;
  }
}
