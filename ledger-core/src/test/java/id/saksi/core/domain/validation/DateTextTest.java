package id.saksi.core.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateTextTest {
  @Test
  void parse_isoDate_accepted() throws Exception {
    assertThat(DateText.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void parse_slashes_showsTheFormat() {
    assertThatThrownBy(() -> DateText.parse("14/02/2024"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("date \"14/02/2024\" must be written YYYY-MM-DD, for example 2024-02-14");
  }

  @Test
  void parse_dateTime_showsTheFormat() {
    assertThatThrownBy(() -> DateText.parse("2024-02-14T00:00:00Z"))
        .hasMessage(
            "date \"2024-02-14T00:00:00Z\" must be written YYYY-MM-DD, for example 2024-02-14");
  }

  @Test
  void parse_letterInYear_namesPosition() {
    assertThatThrownBy(() -> DateText.parse("2O24-02-14"))
        .hasMessage(
            "date \"2O24-02-14\" has 'O' at position 2; write it YYYY-MM-DD with digits only");
  }

  @Test
  void parse_february30_saysHowManyDays() {
    assertThatThrownBy(() -> DateText.parse("2023-02-29"))
        .hasMessage("date \"2023-02-29\": day 29 does not exist; 2023-02 has 28 days");
  }

  @Test
  void parse_month13_rejected() {
    assertThatThrownBy(() -> DateText.parse("2024-13-01"))
        .hasMessage("date \"2024-13-01\": month 13 is not 01-12");
  }

  @Test
  void parse_year1899_outsideRange() {
    assertThatThrownBy(() -> DateText.parse("1899-12-31"))
        .hasMessage("date \"1899-12-31\": year 1899 is outside 1900-2199");
  }

  @Test
  void parse_controlCharacter_escapedInMessage() {
    assertThatThrownBy(() -> DateText.parse("2024-02-1\n"))
        .hasMessage(
            "date \"2024-02-1\\u000a\" has the invisible character U+000A at position 10; write it"
                + " YYYY-MM-DD with digits only");
  }
}
