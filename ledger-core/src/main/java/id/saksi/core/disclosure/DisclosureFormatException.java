package id.saksi.core.disclosure;

import id.saksi.core.ParseException;

/** A disclosure or a digest is not in the form RFC 9901 and docs/personal-data.md define. */
public final class DisclosureFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public DisclosureFormatException(String message) {
    super(message);
  }

  public DisclosureFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
