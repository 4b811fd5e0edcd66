package id.saksi.core.note;

import id.saksi.core.ParseException;

/** A checkpoint's text does not follow c2sp.org/tlog-checkpoint; the message names the line. */
public class CheckpointFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public CheckpointFormatException(String message) {
    super(message);
  }

  public CheckpointFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
