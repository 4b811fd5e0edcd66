package id.saksi.core.note;

import id.saksi.core.ParseException;

/**
 * A verifier key ({@code <name>+<hex key id>+<base64 key>}) or signer key ({@code PRIVATE+KEY+...})
 * could not be read, or its key id does not match its name and key.
 */
public class NoteKeyFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public NoteKeyFormatException(String message) {
    super(message);
  }

  public NoteKeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
