package id.saksi.core.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Numbers from DOMAIN.md, the seed articles and published letters. */
class LetterNumberTest {
  @Test
  void parse_domainExampleWithRomanMonth_exposesYearAndMonth() throws Exception {
    // DOMAIN.md "Documents": KP.07.1/3/418.50/VI/2023.
    LetterNumber n = LetterNumber.parse("KP.07.1/3/418.50/VI/2023");

    assertThat(n.parts()).containsExactly("KP.07.1", "3", "418.50", "VI", "2023");
    assertThat(n.year()).isEqualTo(OptionalInt.of(2023));
    assertThat(n.month()).isEqualTo(OptionalInt.of(6));
  }

  @Test
  void parse_metroCircular_yearButNoMonth() throws Exception {
    // Seed 000: Metro's circular 005/1446/B-06/2023.
    LetterNumber n = LetterNumber.parse("005/1446/B-06/2023");

    assertThat(n.year()).isEqualTo(OptionalInt.of(2023));
    assertThat(n.month()).isEmpty();
  }

  @Test
  void parse_bawasluLetterWithNumericMonth_exposesMonth() throws Exception {
    // Seed 003: Bawaslu Kota Bekasi 069/PM.01.2/K.JB-21/08/2022.
    LetterNumber n = LetterNumber.parse("069/PM.01.2/K.JB-21/08/2022");

    assertThat(n.month()).isEqualTo(OptionalInt.of(8));
    assertThat(n.mismatchWith(LocalDate.of(2022, 8, 22))).isEmpty();
  }

  @Test
  void parse_numberWithoutYear_hasNoYear() throws Exception {
    // Seed 003: Bekasi's circular 800/5878/BKPSDM.PKA.
    LetterNumber n = LetterNumber.parse("800/5878/BKPSDM.PKA");

    assertThat(n.year()).isEmpty();
    assertThat(n.mismatchWith(LocalDate.of(2022, 9, 10))).isEmpty();
  }

  @Test
  void parse_regulationNumber_twoPartsIsNoMonth() throws Exception {
    // SKB 2022: MenPANRB 2/2022; the 2 is the decree's number, not February.
    LetterNumber n = LetterNumber.parse("2/2022");

    assertThat(n.year()).isEqualTo(OptionalInt.of(2022));
    assertThat(n.month()).isEmpty();
  }

  @Test
  void parse_serialThatLooksLikeAYear_isNotAYear() throws Exception {
    assertThat(LetterNumber.parse("800/1446").year()).isEmpty();
  }

  @Test
  void mismatchWith_otherYear_saysBoth() throws Exception {
    LetterNumber n = LetterNumber.parse("B-1895/JP.01/05/2022");

    assertThat(n.mismatchWith(LocalDate.of(2023, 5, 25)))
        .contains(
            "the number B-1895/JP.01/05/2022 carries the year 2022 but the letter is dated"
                + " 2023-05-25");
  }

  @Test
  void mismatchWith_otherMonth_saysBoth() throws Exception {
    LetterNumber n = LetterNumber.parse("KP.07.1/3/418.50/VI/2023");

    assertThat(n.mismatchWith(LocalDate.of(2023, 7, 1)))
        .contains(
            "the number KP.07.1/3/418.50/VI/2023 carries the month VI but the letter is dated"
                + " 2023-07-01");
  }

  @Test
  void parse_singlePart_needsASlash() {
    assertThatThrownBy(() -> LetterNumber.parse("12345"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "letter number \"12345\" has 1 part; a letter number has 2 to 8 parts separated by"
                + " '/'");
  }

  @Test
  void parse_emptyPart_namesIt() {
    assertThatThrownBy(() -> LetterNumber.parse("005//B-06/2023"))
        .hasMessage("letter number \"005//B-06/2023\": part 2 is empty; remove the extra '/'");
  }

  @Test
  void parse_spaceAroundSlash_namesPart() {
    assertThatThrownBy(() -> LetterNumber.parse("005 /1446/2023"))
        .hasMessage(
            "letter number \"005 /1446/2023\" has a space in part 1; use letters, digits, '.', '-'"
                + " and '/' only, as printed on the letter");
  }

  @Test
  void parse_tooLong_rejected() {
    assertThatThrownBy(() -> LetterNumber.parse("1/" + "9".repeat(99)))
        .hasMessageEndingWith("has 101 characters; a number has 1 to 100");
  }
}
