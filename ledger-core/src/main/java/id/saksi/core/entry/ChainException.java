package id.saksi.core.entry;

import id.saksi.core.VerificationException;

/** The hash chain does not hold at an entry; subclasses say how. */
public abstract class ChainException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final long index;

  ChainException(long index, String message) {
    super(message);
    this.index = index;
  }

  /** Index of the first entry at which the chain does not hold. */
  public long index() {
    return index;
  }
}
