package id.saksi.core.domain.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * A resident identity number (NIK, on the KTP): 16 digits made of the region code (digits 1-6:
 * province, regency or city, district), the birth date as {@code DDMMYY} with 40 added to the day
 * for women (digits 7-12), and a serial (digits 13-16, 0001-9999).
 *
 * <p>The century of the birth year is not encoded, so the date part is checked as a day that exists
 * in some year (29 February is accepted). A NIK is personal data and appears in statements only as
 * a salted digest.
 */
public final class Nik {
  private final String digits;

  private Nik(String digits) {
    this.digits = digits;
  }

  /** Parses 16 digits, naming every wrong part in one message. */
  public static Nik parse(String text) throws InvalidValueException {
    if (text.length() != 16) {
      throw new InvalidValueException(
          "NIK has " + text.length() + " characters; a NIK is exactly 16 digits with no spaces");
    }
    for (int i = 0; i < 16; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidValueException(
            "NIK has "
                + Texts.describe(c)
                + " at position "
                + (i + 1)
                + "; a NIK is exactly 16 digits with no spaces");
      }
    }
    List<String> wrong = new ArrayList<>();
    if (text.charAt(0) == '0') {
      wrong.add("province code (digits 1-2) " + text.substring(0, 2) + " must be 11-99");
    }
    int day = Integer.parseInt(text.substring(6, 8));
    int month = Integer.parseInt(text.substring(8, 10));
    int dayOfMonth = day > 40 ? day - 40 : day;
    if (month < 1 || month > 12) {
      wrong.add("birth month (digits 9-10) " + text.substring(8, 10) + " is not 01-12");
    } else if (day < 1 || (day > 31 && day < 41) || day > 71 || dayOfMonth > maxDay(month)) {
      wrong.add(
          "birth day (digits 7-8) "
              + text.substring(6, 8)
              + " is not a day of month "
              + text.substring(8, 10)
              + " (01-31, or 41-71 for women)");
    }
    if (text.substring(12).equals("0000")) {
      wrong.add("serial (digits 13-16) 0000 must be 0001-9999");
    }
    if (!wrong.isEmpty()) {
      throw new InvalidValueException("NIK is not valid: " + String.join("; ", wrong));
    }
    return new Nik(text);
  }

  private static int maxDay(int month) {
    switch (month) {
      case 2:
        return 29;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The 16 digits. */
  public String digits() {
    return digits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nik && digits.equals(((Nik) o).digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** Masked: a NIK is personal data. */
  @Override
  public String toString() {
    return "Nik[" + digits.substring(0, 2) + "**************]";
  }
}
