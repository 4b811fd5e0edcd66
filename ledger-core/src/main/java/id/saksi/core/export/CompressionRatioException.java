package id.saksi.core.export;

/**
 * A member inflates to far more than its compressed size: a zip bomb, or at least nothing an export
 * writer produces. Reading stops as soon as the bound is passed.
 */
public final class CompressionRatioException extends ExportFormatException {
  private static final long serialVersionUID = 1L;

  private final String member;

  CompressionRatioException(String member, long compressed, long inflatedSoFar) {
    super(
        member
            + ": "
            + compressed
            + " compressed bytes inflate to more than "
            + inflatedSoFar
            + " bytes, beyond the ratio of "
            + ExportLayout.MAX_RATIO
            + " to 1 that an export allows (a zip bomb?)");
    this.member = member;
  }

  /** The member's name. */
  public String member() {
    return member;
  }
}
