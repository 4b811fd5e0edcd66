package id.saksi.core.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class NipTest {
  @Test
  void parse_validNip_exposesEveryPart() throws Exception {
    Nip nip = Nip.parse("198503302010122001");

    assertThat(nip.birthDate()).isEqualTo(LocalDate.of(1985, 3, 30));
    assertThat(nip.appointed()).isEqualTo(YearMonth.of(2010, 12));
    assertThat(nip.gender()).isEqualTo(Nip.Gender.FEMALE);
    assertThat(nip.serial()).isEqualTo(1);
    assertThat(nip.digits()).isEqualTo("198503302010122001");
  }

  @Test
  void parse_maleDigit_isMale() throws Exception {
    assertThat(Nip.parse("197001012000031999").gender()).isEqualTo(Nip.Gender.MALE);
  }

  @Test
  void parse_wrongLength_saysEighteenDigits() {
    assertThatThrownBy(() -> Nip.parse("19850330201012200"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("NIP has 17 characters; a NIP is exactly 18 digits with no spaces or dots");
  }

  @Test
  void parse_space_namesPosition() {
    assertThatThrownBy(() -> Nip.parse("19850330 201012201"))
        .hasMessage(
            "NIP has a space at position 9; a NIP is exactly 18 digits with no spaces or dots");
  }

  @Test
  void parse_impossibleBirthDate_namesBirthDatePart() {
    assertThatThrownBy(() -> Nip.parse("198502302010122001"))
        .hasMessage("NIP is not valid: birth date (digits 1-8) 19850230 is not a calendar date");
  }

  @Test
  void parse_month13_namesAppointmentPart() {
    assertThatThrownBy(() -> Nip.parse("198503302010132001"))
        .hasMessage(
            "NIP is not valid: appointment year and month (digits 9-14) 201013: month 13 is not"
                + " 01-12");
  }

  @Test
  void parse_appointedBeforeBirth_namesAppointmentPart() {
    assertThatThrownBy(() -> Nip.parse("198503301980012001"))
        .hasMessage(
            "NIP is not valid: appointment year and month (digits 9-14) 198001 is not after the"
                + " birth month 198503");
  }

  @Test
  void parse_genderDigit3_namesGenderPart() {
    assertThatThrownBy(() -> Nip.parse("198503302010123001"))
        .hasMessage("NIP is not valid: gender (digit 15) 3 must be 1 (male) or 2 (female)");
  }

  @Test
  void parse_serialZero_namesSerialPart() {
    assertThatThrownBy(() -> Nip.parse("198503302010122000"))
        .hasMessage("NIP is not valid: serial (digits 16-18) 000 must be 001-999");
  }

  @Test
  void parse_severalWrongParts_namesEachOne() {
    assertThatThrownBy(() -> Nip.parse("198513302010139000"))
        .hasMessage(
            "NIP is not valid: birth date (digits 1-8) 19851330 is not a calendar date;"
                + " appointment year and month (digits 9-14) 201013: month 13 is not 01-12;"
                + " gender (digit 15) 9 must be 1 (male) or 2 (female);"
                + " serial (digits 16-18) 000 must be 001-999");
  }

  @Test
  void toString_masksTheDigits() throws Exception {
    assertThat(Nip.parse("198503302010122001").toString()).isEqualTo("Nip[19****************]");
  }
}
