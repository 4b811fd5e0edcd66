package id.saksi.core.export;

/**
 * A member, or one line of a member, is larger than the format allows: reading stops at the limit,
 * so no input makes the reader use unbounded memory or time.
 */
public final class MemberTooLargeException extends ExportFormatException {
  private static final long serialVersionUID = 1L;

  private final String member;
  private final long limit;

  MemberTooLargeException(String member, String what, long limit) {
    super(member + ": " + what + " is larger than the limit of " + limit + " bytes");
    this.member = member;
    this.limit = limit;
  }

  /** The member's name. */
  public String member() {
    return member;
  }

  /** The limit that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
