package id.saksi.core.domain.validation;

import id.saksi.core.ParseException;

/**
 * A value typed by a clerk (a NIP, a NIK, a date, a letter number, an agency code) does not follow
 * its format; the message names each wrong part and what it should be.
 */
public final class InvalidValueException extends ParseException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
