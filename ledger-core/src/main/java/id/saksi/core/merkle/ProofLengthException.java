package id.saksi.core.merkle;

/**
 * A proof has more or fewer hashes than its tree sizes and index call for.
 *
 * <p>The length of an RFC 9162 proof is a function of the sizes and the index alone, so it is
 * checked before any hashing: a proof with a hash too many or too few is rejected whatever its
 * hashes are.
 */
public final class ProofLengthException extends ProofVerificationException {
  private static final long serialVersionUID = 1L;

  private final int got;
  private final int want;

  private ProofLengthException(String message, int got, int want) {
    super(message);
    this.got = got;
    this.want = want;
  }

  /** For an inclusion proof of leaf {@code index} in a tree of {@code size} leaves. */
  public static ProofLengthException inclusion(long index, long size, int got, int want) {
    return new ProofLengthException(
        "inclusion proof of leaf "
            + index
            + " in tree size "
            + size
            + " has "
            + got
            + " hashes, want "
            + want,
        got,
        want);
  }

  /** For a consistency proof from tree size {@code size1} to {@code size2}. */
  public static ProofLengthException consistency(long size1, long size2, int got, int want) {
    return new ProofLengthException(
        "consistency proof from tree size "
            + size1
            + " to "
            + size2
            + " has "
            + got
            + " hashes, want "
            + want,
        got,
        want);
  }

  /** Number of hashes the proof has. */
  public int got() {
    return got;
  }

  /** Number of hashes it must have. */
  public int want() {
    return want;
  }
}
