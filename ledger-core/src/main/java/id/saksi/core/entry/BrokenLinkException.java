package id.saksi.core.entry;

import id.saksi.core.hash.Hash;

/** An entry's {@code prev} is not the leaf hash of the entry before it. */
public final class BrokenLinkException extends ChainException {
  private static final long serialVersionUID = 1L;

  private final Hash expected;
  private final Hash actual;

  BrokenLinkException(long index, Hash expected, Hash actual) {
    super(
        index,
        "entry "
            + index
            + ": prev is "
            + actual
            + " but the leaf hash of entry "
            + (index - 1)
            + " is "
            + expected
            + (index == 0 ? " (entry 0 must follow 32 zero bytes)" : ""));
    this.expected = expected;
    this.actual = actual;
  }

  /** What {@code prev} must be. */
  public Hash expected() {
    return expected;
  }

  /** What {@code prev} is. */
  public Hash actual() {
    return actual;
  }
}
