package id.saksi.core.domain.validation;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Calendar dates as records write them: exactly {@code YYYY-MM-DD} (ISO 8601 calendar date), a real
 * day of a year between 1900 and 2199.
 *
 * <p>Dates in a record are local calendar dates in Indonesia (the date printed on a letter), not
 * instants; the statement's {@code issuedAt} is the instant.
 */
public final class DateText {
  /** Earliest year accepted in any date. */
  public static final int MIN_YEAR = 1900;

  /** Latest year accepted in any date. */
  public static final int MAX_YEAR = 2199;

  private DateText() {}

  /** Parses {@code YYYY-MM-DD}, naming the wrong part. */
  public static LocalDate parse(String text) throws InvalidValueException {
    String shown = "\"" + Texts.quoteSafe(text) + "\"";
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new InvalidValueException(
          "date " + shown + " must be written YYYY-MM-DD, for example 2024-02-14");
    }
    int year = digits(text, 0, 4, shown);
    int month = digits(text, 5, 7, shown);
    int day = digits(text, 8, 10, shown);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidValueException(
          "date " + shown + ": year " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR);
    }
    if (month < 1 || month > 12) {
      throw new InvalidValueException("date " + shown + ": month " + month + " is not 01-12");
    }
    int length = YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > length) {
      throw new InvalidValueException(
          "date "
              + shown
              + ": day "
              + day
              + " does not exist; "
              + YearMonth.of(year, month)
              + " has "
              + length
              + " days");
    }
    return LocalDate.of(year, month, day);
  }

  private static int digits(String text, int from, int to, String shown)
      throws InvalidValueException {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidValueException(
            "date "
                + shown
                + " has "
                + Texts.describe(c)
                + " at position "
                + (i + 1)
                + "; write it YYYY-MM-DD with digits only");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
