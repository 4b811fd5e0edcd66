package id.saksi.core.entry;

/** An entry is not at the next dense position: one was dropped, repeated or reordered. */
public final class IndexGapException extends ChainException {
  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long actual;

  IndexGapException(long expected, long actual) {
    super(
        expected,
        "entry "
            + expected
            + " expected next, found index "
            + actual
            + (actual > expected
                ? " (" + (actual - expected) + " missing)"
                : " (a repeated or reordered entry)"));
    this.expected = expected;
    this.actual = actual;
  }

  /** The index that should come next. */
  public long expected() {
    return expected;
  }

  /** The index that came. */
  public long actual() {
    return actual;
  }
}
