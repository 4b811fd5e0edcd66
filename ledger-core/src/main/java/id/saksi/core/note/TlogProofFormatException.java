package id.saksi.core.note;

import id.saksi.core.ParseException;

/** A proof does not follow c2sp.org/tlog-proof@v1; the message names the line. */
public class TlogProofFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public TlogProofFormatException(String message) {
    super(message);
  }

  public TlogProofFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
