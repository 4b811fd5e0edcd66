package id.saksi.core.domain.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A civil servant's NIP (Nomor Induk Pegawai): 18 digits made of the birth date ({@code YYYYMMDD},
 * digits 1-8), the year and month of appointment ({@code YYYYMM}, digits 9-14), the gender digit
 * (digit 15: 1 male, 2 female) and a serial (digits 16-18, 001-999).
 *
 * <p>Parsing checks every part and names each wrong one, so that a clerk who mistyped a digit sees
 * which part to look at. A NIP is personal data: it never appears in a statement, only its salted
 * digest does (docs/personal-data.md); this class is used where the value itself is at hand, on the
 * submitting side, against a disclosure.
 */
public final class Nip {
  /** Gender as the 15th digit of the NIP encodes it. */
  public enum Gender {
    /** Digit 1. */
    MALE,
    /** Digit 2. */
    FEMALE
  }

  private final String digits;
  private final LocalDate birthDate;
  private final YearMonth appointed;
  private final Gender gender;
  private final int serial;

  private Nip(String digits, LocalDate birthDate, YearMonth appointed, Gender gender, int serial) {
    this.digits = digits;
    this.birthDate = birthDate;
    this.appointed = appointed;
    this.gender = gender;
    this.serial = serial;
  }

  /** Parses 18 digits, naming every wrong part in one message. */
  public static Nip parse(String text) throws InvalidValueException {
    if (text.length() != 18) {
      throw new InvalidValueException(
          "NIP has "
              + text.length()
              + " characters; a NIP is exactly 18 digits with no spaces or dots");
    }
    for (int i = 0; i < 18; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidValueException(
            "NIP has "
                + Texts.describe(c)
                + " at position "
                + (i + 1)
                + "; a NIP is exactly 18 digits with no spaces or dots");
      }
    }
    List<String> wrong = new ArrayList<>();
    LocalDate birth = null;
    int by = number(text, 0, 4);
    int bm = number(text, 4, 6);
    int bd = number(text, 6, 8);
    try {
      birth = LocalDate.of(by, bm, bd);
      if (by < DateText.MIN_YEAR) {
        wrong.add("birth date (digits 1-8) " + text.substring(0, 8) + " is before 1900");
        birth = null;
      }
    } catch (DateTimeException e) {
      wrong.add("birth date (digits 1-8) " + text.substring(0, 8) + " is not a calendar date");
    }
    YearMonth appointed = null;
    int ay = number(text, 8, 12);
    int am = number(text, 12, 14);
    if (am < 1 || am > 12) {
      wrong.add(
          "appointment year and month (digits 9-14) "
              + text.substring(8, 14)
              + ": month "
              + text.substring(12, 14)
              + " is not 01-12");
    } else if (ay < DateText.MIN_YEAR) {
      wrong.add(
          "appointment year and month (digits 9-14) " + text.substring(8, 14) + " is before 1900");
    } else {
      appointed = YearMonth.of(ay, am);
      if (birth != null && !appointed.isAfter(YearMonth.from(birth))) {
        wrong.add(
            "appointment year and month (digits 9-14) "
                + text.substring(8, 14)
                + " is not after the birth month "
                + text.substring(0, 6));
      }
    }
    Gender gender = null;
    char g = text.charAt(14);
    if (g == '1') {
      gender = Gender.MALE;
    } else if (g == '2') {
      gender = Gender.FEMALE;
    } else {
      wrong.add("gender (digit 15) " + g + " must be 1 (male) or 2 (female)");
    }
    int serial = number(text, 15, 18);
    if (serial == 0) {
      wrong.add("serial (digits 16-18) 000 must be 001-999");
    }
    if (!wrong.isEmpty()) {
      throw new InvalidValueException("NIP is not valid: " + String.join("; ", wrong));
    }
    return new Nip(text, birth, appointed, gender, serial);
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** The 18 digits. */
  public String digits() {
    return digits;
  }

  /** Birth date, digits 1-8. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** Year and month of appointment, digits 9-14. */
  public YearMonth appointed() {
    return appointed;
  }

  /** Gender, digit 15. */
  public Gender gender() {
    return gender;
  }

  /** Serial, digits 16-18. */
  public int serial() {
    return serial;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nip && digits.equals(((Nip) o).digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** Masked: a NIP is personal data and must not reach logs through a stray toString. */
  @Override
  public String toString() {
    return "Nip[" + digits.substring(0, 2) + "****************]";
  }
}
