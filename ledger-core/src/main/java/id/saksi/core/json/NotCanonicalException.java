package id.saksi.core.json;

import id.saksi.core.VerificationException;

/**
 * Valid JSON whose bytes are not exactly its own RFC 8785 canonical form.
 *
 * <p>Carries the byte offset of the first difference and a short excerpt of each side around it, so
 * that a reader can see at a glance whether keys are out of order, a number is spelled differently,
 * or a space or newline slipped in.
 */
public final class NotCanonicalException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final long byteOffset;
  private final String expectedExcerpt;
  private final String actualExcerpt;

  NotCanonicalException(long byteOffset, String expectedExcerpt, String actualExcerpt) {
    super(
        "not in canonical form: first difference at byte "
            + byteOffset
            + ", expected "
            + expectedExcerpt
            + " but got "
            + actualExcerpt);
    this.byteOffset = byteOffset;
    this.expectedExcerpt = expectedExcerpt;
    this.actualExcerpt = actualExcerpt;
  }

  /** Offset of the first byte where the input and its canonical form differ, counted from 0. */
  public long byteOffset() {
    return byteOffset;
  }

  /**
   * The canonical form around the difference: a few bytes before it and up to about 24 after,
   * quoted, with "..." where it was cut and control characters shown as escapes.
   */
  public String expectedExcerpt() {
    return expectedExcerpt;
  }

  /** The input around the difference, cut and shown like {@link #expectedExcerpt()}. */
  public String actualExcerpt() {
    return actualExcerpt;
  }
}
