package id.saksi.core.domain.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The number of an official letter, decision or circular, as printed on it: parts separated by
 * {@code /}, for example {@code KP.07.1/3/418.50/VI/2023}, {@code 005/1446/B-06/2023}, {@code
 * B-1895/JP.01/05/2022} or {@code 800/5878/BKPSDM.PKA}.
 *
 * <p>Kepmendagri 78/2012 [S63] describes the usual layout: classification code / serial / unit /
 * year, often with the month (in Roman or two-digit form) before the year. Agencies vary the
 * layout, so parsing checks only what every number shares: 2 to 8 non-empty parts of letters,
 * digits, dots and hyphens, at most 100 characters. When the last part is a year (four digits,
 * 1945-2199) and, with three or more parts, the part before it is a month ({@code I}-{@code XII} or
 * {@code 01}-{@code 12}), {@link #year()} and {@link #month()} expose them so that a rule can
 * compare them with the letter's date. A regulation numbered "Nomor 2 Tahun 2022" is written {@code
 * 2/2022}.
 */
public final class LetterNumber {
  /** Longest number accepted. */
  public static final int MAX_LENGTH = 100;

  private static final String[] ROMAN = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
  };

  private final String text;
  private final List<String> parts;
  private final OptionalInt year;
  private final OptionalInt month;

  private LetterNumber(String text, List<String> parts, OptionalInt year, OptionalInt month) {
    this.text = text;
    this.parts = parts;
    this.year = year;
    this.month = month;
  }

  /** Parses a letter number, naming the wrong part. */
  public static LetterNumber parse(String text) throws InvalidValueException {
    String shown = "letter number \"" + Texts.quoteSafe(text) + "\"";
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          shown + " has " + text.length() + " characters; a number has 1 to " + MAX_LENGTH);
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '/') {
        if (i == start) {
          throw new InvalidValueException(
              shown + ": part " + (parts.size() + 1) + " is empty; remove the extra '/'");
        }
        parts.add(text.substring(start, i));
        start = i + 1;
        continue;
      }
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-';
      if (!ok) {
        throw new InvalidValueException(
            shown
                + " has "
                + Texts.describe(c)
                + " in part "
                + (parts.size() + 1)
                + "; use letters, digits, '.', '-' and '/' only, as printed on the letter");
      }
    }
    if (parts.size() < 2 || parts.size() > 8) {
      throw new InvalidValueException(
          shown
              + " has "
              + parts.size()
              + (parts.size() == 1 ? " part" : " parts")
              + "; a letter number has 2 to 8 parts separated by '/'");
    }
    OptionalInt year = OptionalInt.empty();
    OptionalInt month = OptionalInt.empty();
    String last = parts.get(parts.size() - 1);
    if (last.length() == 4 && allDigits(last)) {
      int y = Integer.parseInt(last);
      if (y >= 1945 && y <= DateText.MAX_YEAR) {
        year = OptionalInt.of(y);
        if (parts.size() >= 3) {
          month = month(parts.get(parts.size() - 2));
        }
      }
    }
    return new LetterNumber(text, Collections.unmodifiableList(parts), year, month);
  }

  private static OptionalInt month(String part) {
    for (int m = 0; m < ROMAN.length; m++) {
      if (ROMAN[m].equals(part)) {
        return OptionalInt.of(m + 1);
      }
    }
    if (part.length() == 2 && allDigits(part)) {
      int m = Integer.parseInt(part);
      if (m >= 1 && m <= 12) {
        return OptionalInt.of(m);
      }
    }
    return OptionalInt.empty();
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The parts between the slashes. */
  public List<String> parts() {
    return parts;
  }

  /** The year the number carries in its last part, if it carries one. */
  public OptionalInt year() {
    return year;
  }

  /** The month the number carries before its year, if it carries one. */
  public OptionalInt month() {
    return month;
  }

  /**
   * What is inconsistent between this number and the date of its letter, if anything: a number
   * ending in 2023 on a letter dated 2024 was mistyped in one of the two places.
   */
  public Optional<String> mismatchWith(LocalDate letterDate) {
    if (year.isPresent() && year.getAsInt() != letterDate.getYear()) {
      return Optional.of(
          "the number "
              + text
              + " carries the year "
              + year.getAsInt()
              + " but the letter is dated "
              + letterDate);
    }
    if (month.isPresent() && month.getAsInt() != letterDate.getMonthValue()) {
      return Optional.of(
          "the number "
              + text
              + " carries the month "
              + parts.get(parts.size() - 2)
              + " but the letter is dated "
              + letterDate);
    }
    return Optional.empty();
  }

  /** The number as printed. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LetterNumber && text.equals(((LetterNumber) o).text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
