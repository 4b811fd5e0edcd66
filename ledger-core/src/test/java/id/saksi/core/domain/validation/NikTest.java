package id.saksi.core.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NikTest {
  @Test
  void parse_man_accepted() throws Exception {
    assertThat(Nik.parse("3174011503850001").digits()).isEqualTo("3174011503850001");
  }

  @Test
  void parse_womanDayPlus40_accepted() throws Exception {
    assertThat(Nik.parse("3174015503850002").digits()).isEqualTo("3174015503850002");
  }

  @Test
  void parse_wrongLength_saysSixteenDigits() {
    assertThatThrownBy(() -> Nik.parse("317401150385000"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("NIK has 15 characters; a NIK is exactly 16 digits with no spaces");
  }

  @Test
  void parse_letter_namesPosition() {
    assertThatThrownBy(() -> Nik.parse("31740115O3850001"))
        .hasMessage("NIK has 'O' at position 9; a NIK is exactly 16 digits with no spaces");
  }

  @Test
  void parse_badDayMonthSerialProvince_namesEachPart() {
    assertThatThrownBy(() -> Nik.parse("0174013513850000"))
        .hasMessage(
            "NIK is not valid: province code (digits 1-2) 01 must be 11-99;"
                + " birth month (digits 9-10) 13 is not 01-12;"
                + " serial (digits 13-16) 0000 must be 0001-9999");
  }

  @Test
  void parse_day35_isNeitherManNorWoman() {
    assertThatThrownBy(() -> Nik.parse("3174013503850001"))
        .hasMessage(
            "NIK is not valid: birth day (digits 7-8) 35 is not a day of month 03 (01-31, or 41-71"
                + " for women)");
  }

  @Test
  void parse_february30_rejected() {
    assertThatThrownBy(() -> Nik.parse("3174017002850001"))
        .hasMessage(
            "NIK is not valid: birth day (digits 7-8) 70 is not a day of month 02 (01-31, or 41-71"
                + " for women)");
  }

  @Test
  void toString_masksTheDigits() throws Exception {
    assertThat(Nik.parse("3174011503850001").toString()).isEqualTo("Nik[31**************]");
  }
}
