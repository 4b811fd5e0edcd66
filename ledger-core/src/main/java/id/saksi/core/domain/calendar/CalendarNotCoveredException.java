package id.saksi.core.domain.calendar;

import id.saksi.core.VerificationException;

/**
 * A working-day deadline reaches a year that the holiday calendar in force does not list: counting
 * weekends only would give a wrong date, so nothing is counted.
 */
public final class CalendarNotCoveredException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final int year;

  public CalendarNotCoveredException(int year, String covered) {
    super(
        "the holiday calendar in force covers "
            + covered
            + " but not "
            + year
            + "; adopt a catalogue whose calendar lists the national holidays and cuti bersama of "
            + year);
    this.year = year;
  }

  /** The year that is missing. */
  public int year() {
    return year;
  }
}
