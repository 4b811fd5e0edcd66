package id.saksi.core.note;

import id.saksi.core.VerificationException;
import id.saksi.core.merkle.ProofVerificationException;

/**
 * A tlog-proof's checkpoint is genuine but its path does not prove the leaf at its index; the cause
 * says how (index out of range, wrong path length, or root mismatch with both roots).
 */
public final class InclusionFailedException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final long index;
  private final transient Checkpoint checkpoint;

  InclusionFailedException(long index, Checkpoint checkpoint, ProofVerificationException cause) {
    super(
        "the proof does not include the leaf at index "
            + index
            + " in the checkpoint of size "
            + checkpoint.size()
            + ": "
            + cause.getMessage(),
        cause);
    this.index = index;
    this.checkpoint = checkpoint;
  }

  /** The index the proof claims. */
  public long index() {
    return index;
  }

  /** The verified checkpoint the proof was checked against. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }
}
