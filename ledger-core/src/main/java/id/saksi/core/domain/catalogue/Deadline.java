package id.saksi.core.domain.catalogue;

import id.saksi.core.domain.calendar.CalendarNotCoveredException;
import id.saksi.core.domain.calendar.HolidayCalendar;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One deadline: how long, in which unit, from what, and where it comes from.
 *
 * @param id which deadline
 * @param electionKind the election kind it applies to; empty if all
 * @param amount how many days
 * @param unit calendar or working days
 * @param extension the total period after an extension, if the deadline can be extended
 * @param source the regulation, or a note that the value is the operator's choice
 * @param ref how rejections cite this entry
 */
public record Deadline(
    DeadlineId id,
    Optional<ElectionKind> electionKind,
    int amount,
    DeadlineUnit unit,
    Optional<Period> extension,
    String source,
    String ref) {

  /** A length of time. */
  public record Period(int amount, DeadlineUnit unit) {}

  /** The last day of the period that starts after {@code from}. */
  public LocalDate dueDate(LocalDate from, HolidayCalendar calendar)
      throws CalendarNotCoveredException {
    return add(from, amount, unit, calendar);
  }

  /** The last day of the extended period, if the deadline can be extended. */
  public Optional<LocalDate> extendedDueDate(LocalDate from, HolidayCalendar calendar)
      throws CalendarNotCoveredException {
    if (extension.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(add(from, extension.get().amount(), extension.get().unit(), calendar));
  }

  private static LocalDate add(LocalDate from, int n, DeadlineUnit unit, HolidayCalendar calendar)
      throws CalendarNotCoveredException {
    return unit == DeadlineUnit.DAYS ? from.plusDays(n) : calendar.plusWorkingDays(from, n);
  }

  /** The length in words, such as "14 working days". */
  public String describe() {
    return amount + (unit == DeadlineUnit.DAYS ? " days" : " working days");
  }
}
