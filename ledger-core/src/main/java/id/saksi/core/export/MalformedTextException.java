package id.saksi.core.export;

/** A text member that is not strict UTF-8, or has characters its format does not allow. */
public final class MalformedTextException extends ExportFormatException {
  private static final long serialVersionUID = 1L;

  private final String member;

  MalformedTextException(String member, String problem) {
    super(member + ": " + problem);
    this.member = member;
  }

  /** The member's name. */
  public String member() {
    return member;
  }
}
