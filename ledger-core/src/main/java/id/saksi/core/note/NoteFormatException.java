package id.saksi.core.note;

import id.saksi.core.ParseException;

/** A signed note does not follow c2sp.org/signed-note; the message says where and what. */
public class NoteFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public NoteFormatException(String message) {
    super(message);
  }

  public NoteFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
