package id.saksi.core.crypto;

import id.saksi.core.ParseException;

/**
 * A key could not be read: wrong PEM label, wrong algorithm, wrong length, trailing data, or bytes
 * that are not an Ed25519 key at all. The message says which.
 */
public class KeyFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
