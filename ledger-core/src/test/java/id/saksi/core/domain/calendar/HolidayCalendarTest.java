package id.saksi.core.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.domain.catalogue.Catalogues;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
  private static final HolidayCalendar BUNDLED = Catalogues.bundled(1).calendar();

  @Test
  void isWorkingDay_weekdayWeekendHolidayCutiBersama() throws Exception {
    assertThat(BUNDLED.isWorkingDay(LocalDate.of(2024, 2, 13))).isTrue(); // Tuesday
    assertThat(BUNDLED.isWorkingDay(LocalDate.of(2024, 2, 17))).isFalse(); // Saturday
    assertThat(BUNDLED.isWorkingDay(LocalDate.of(2024, 2, 14))).isFalse(); // voting day
    assertThat(BUNDLED.isWorkingDay(LocalDate.of(2024, 4, 12))).isFalse(); // cuti bersama
    assertThat(BUNDLED.isWorkingDay(LocalDate.of(2025, 8, 18))).isFalse(); // added in 2025
    assertThat(BUNDLED.isWorkingDay(LocalDate.of(2026, 3, 20))).isFalse(); // cuti bersama
  }

  @Test
  void plusWorkingDays_acrossLebaran2024_skipsTheWholeBreak() throws Exception {
    // Friday 5 April 2024; Lebaran break 6-15 April (weekends, cuti bersama, Idulfitri).
    LocalDate due = BUNDLED.plusWorkingDays(LocalDate.of(2024, 4, 5), 1);

    assertThat(due).isEqualTo(LocalDate.of(2024, 4, 16));
  }

  @Test
  void plusWorkingDays_fourteenAfterDecision_countsOnlyWorkingDays() throws Exception {
    // Monday 2 December 2024: 14 working days are 3-6, 9-13 and 16-20 December.
    assertThat(BUNDLED.plusWorkingDays(LocalDate.of(2024, 12, 2), 14))
        .isEqualTo(LocalDate.of(2024, 12, 20));
  }

  @Test
  void plusWorkingDays_acrossChristmasAndNewYear_skipsThemAndCrossesTheYear() throws Exception {
    // 17-20, 23-24, 27, 30-31 December 2024, then 2 January 2025 (25-26 Dec, 1 Jan off).
    assertThat(BUNDLED.plusWorkingDays(LocalDate.of(2024, 12, 16), 10))
        .isEqualTo(LocalDate.of(2025, 1, 2));
  }

  @Test
  void plusWorkingDays_intoUncoveredYear_refusesToGuess() {
    assertThatThrownBy(() -> BUNDLED.plusWorkingDays(LocalDate.of(2026, 12, 23), 5))
        .isInstanceOf(CalendarNotCoveredException.class)
        .hasMessage(
            "the holiday calendar in force covers 2024, 2025, 2026 but not 2027; adopt a catalogue"
                + " whose calendar lists the national holidays and cuti bersama of 2027");
  }

  @Test
  void plusWorkingDays_zero_isABug() {
    assertThatThrownBy(() -> BUNDLED.plusWorkingDays(LocalDate.of(2024, 1, 2), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dayOff_namesTheDayAndItsSource() {
    HolidayCalendar.DayOff d = BUNDLED.dayOff(LocalDate.of(2024, 11, 27)).orElseThrow();

    assertThat(d.kind()).isEqualTo(HolidayCalendar.Kind.HOLIDAY);
    assertThat(d.source()).contains("Keppres 33/2024");
  }

  @Test
  void bundled_yearsHaveTheOfficialCounts() {
    // 2024: 17 holidays + 2 voting days, 10 cuti bersama; 2025: 17 + 11 (18 August added);
    // 2026: 17 + 8.
    assertThat(count(2024, HolidayCalendar.Kind.HOLIDAY)).isEqualTo(19);
    assertThat(count(2024, HolidayCalendar.Kind.CUTI_BERSAMA)).isEqualTo(10);
    assertThat(count(2025, HolidayCalendar.Kind.HOLIDAY)).isEqualTo(17);
    assertThat(count(2025, HolidayCalendar.Kind.CUTI_BERSAMA)).isEqualTo(11);
    assertThat(count(2026, HolidayCalendar.Kind.HOLIDAY)).isEqualTo(17);
    assertThat(count(2026, HolidayCalendar.Kind.CUTI_BERSAMA)).isEqualTo(8);
  }

  private static long count(int year, HolidayCalendar.Kind kind) {
    return BUNDLED.years().stream()
        .filter(y -> y.year() == year)
        .flatMap(y -> y.days().stream())
        .filter(d -> d.kind() == kind)
        .count();
  }

  @Test
  void of_sameDateTwice_isABug() {
    HolidayCalendar.DayOff d =
        new HolidayCalendar.DayOff(
            LocalDate.of(2024, 1, 1), HolidayCalendar.Kind.HOLIDAY, "x", Optional.empty());
    assertThatThrownBy(
            () ->
                HolidayCalendar.of(
                    Set.of(DayOfWeek.SUNDAY),
                    List.of(new HolidayCalendar.Year(2024, List.of("s"), List.of(d, d)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2024-01-01 is listed twice");
  }
}
