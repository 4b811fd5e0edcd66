package id.saksi.core.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which days are working days for civil servants: every day except the weekend, the national
 * holidays and the collective leave days (cuti bersama) that the joint decree of the ministers of
 * religious affairs, manpower and PANRB sets each year, plus ad-hoc holidays such as a voting day.
 *
 * <p>The calendar is data (a section of the regulatory catalogue), covers an explicit list of
 * years, and refuses to count through a year it does not cover ({@link
 * CalendarNotCoveredException}): a deadline computed from weekends alone would look right and be
 * wrong. Instances are immutable.
 */
public final class HolidayCalendar {
  /** Kind of a day off. */
  public enum Kind {
    /** Hari libur nasional, including ad-hoc national holidays such as a voting day. */
    HOLIDAY,
    /** Cuti bersama: collective leave, a day off for civil servants. */
    CUTI_BERSAMA
  }

  /** One day off, with its name and where it comes from. */
  public record DayOff(LocalDate date, Kind kind, String name, Optional<String> source) {}

  /** The days off of one year and the decrees that set them. */
  public record Year(int year, List<String> sources, List<DayOff> days) {
    public Year {
      sources = List.copyOf(sources);
      days = List.copyOf(days);
      for (DayOff d : days) {
        if (d.date().getYear() != year) {
          throw new IllegalArgumentException(d.date() + " is listed under year " + year);
        }
      }
    }
  }

  private final Set<DayOfWeek> weekend;
  private final Map<Integer, Year> years;
  private final Map<Integer, BitSet> offByYear;
  private final Map<LocalDate, DayOff> daysOff;

  private HolidayCalendar(Set<DayOfWeek> weekend, List<Year> years) {
    this.weekend = Collections.unmodifiableSet(EnumSet.copyOf(weekend));
    Map<Integer, Year> byYear = new TreeMap<>();
    Map<Integer, BitSet> off = new TreeMap<>();
    Map<LocalDate, DayOff> all = new TreeMap<>();
    for (Year y : years) {
      if (byYear.put(y.year(), y) != null) {
        throw new IllegalArgumentException("year " + y.year() + " is listed twice");
      }
      BitSet bits = new BitSet(367);
      for (DayOff d : y.days()) {
        if (all.put(d.date(), d) != null) {
          throw new IllegalArgumentException(d.date() + " is listed twice");
        }
        bits.set(d.date().getDayOfYear());
      }
      off.put(y.year(), bits);
    }
    this.years = Collections.unmodifiableMap(byYear);
    this.offByYear = Collections.unmodifiableMap(off);
    this.daysOff = Collections.unmodifiableMap(all);
  }

  /**
   * A calendar with the given weekend and years.
   *
   * @throws IllegalArgumentException if a year or a date is listed twice, or a date is listed under
   *     another year: the caller (the catalogue parser) reports those as bad input first
   */
  public static HolidayCalendar of(Set<DayOfWeek> weekend, List<Year> years) {
    if (weekend.isEmpty() || weekend.size() > 3) {
      throw new IllegalArgumentException("a weekend has 1 to 3 days, got " + weekend.size());
    }
    return new HolidayCalendar(weekend, years);
  }

  /** Whether civil servants work on {@code date}. */
  public boolean isWorkingDay(LocalDate date) throws CalendarNotCoveredException {
    BitSet off = offByYear.get(date.getYear());
    if (off == null) {
      throw new CalendarNotCoveredException(date.getYear(), coveredText());
    }
    return !weekend.contains(date.getDayOfWeek()) && !off.get(date.getDayOfYear());
  }

  /**
   * The {@code n}-th working day after {@code from} ({@code from} itself not counted): the last day
   * of a period of "{@code n} working days after {@code from}".
   */
  public LocalDate plusWorkingDays(LocalDate from, int n) throws CalendarNotCoveredException {
    if (n < 1) {
      throw new IllegalArgumentException("count at least 1 working day, got " + n);
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The day off on {@code date}, if it is one (weekends are not listed). */
  public Optional<DayOff> dayOff(LocalDate date) {
    return Optional.ofNullable(daysOff.get(date));
  }

  /** The weekend days. */
  public Set<DayOfWeek> weekend() {
    return weekend;
  }

  /** The years covered, in order, with their sources and days off. */
  public List<Year> years() {
    return List.copyOf(years.values());
  }

  /** Whether {@code year} is covered. */
  public boolean covers(int year) {
    return years.containsKey(year);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HolidayCalendar
        && weekend.equals(((HolidayCalendar) o).weekend)
        && years.equals(((HolidayCalendar) o).years);
  }

  @Override
  public int hashCode() {
    return years.keySet().hashCode();
  }

  private String coveredText() {
    List<String> ys = new ArrayList<>();
    for (Integer y : years.keySet()) {
      ys.add(Integer.toString(y));
    }
    return ys.isEmpty() ? "no year" : String.join(", ", ys);
  }
}
