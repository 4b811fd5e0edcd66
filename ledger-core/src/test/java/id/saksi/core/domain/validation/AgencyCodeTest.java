package id.saksi.core.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgencyCodeTest {
  @Test
  void parse_hyphenatedCode_accepted() throws Exception {
    assertThat(AgencyCode.parse("BAWASLU-JATENG").value()).isEqualTo("BAWASLU-JATENG");
  }

  @Test
  void parse_lowerCase_namesPosition() {
    assertThatThrownBy(() -> AgencyCode.parse("BKn"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "agency code \"BKn\" has 'n' at position 3; use only A-Z, 0-9 and '-' (upper case, no"
                + " spaces)");
  }

  @Test
  void parse_leadingDigit_rejected() {
    assertThatThrownBy(() -> AgencyCode.parse("1BKN"))
        .hasMessage("agency code \"1BKN\" must start with an upper-case letter A-Z");
  }

  @Test
  void parse_doubleHyphen_rejected() {
    assertThatThrownBy(() -> AgencyCode.parse("KAB--LEBAK"))
        .hasMessage("agency code \"KAB--LEBAK\" has two hyphens in a row at position 4; use one");
  }

  @Test
  void parse_trailingHyphen_rejected() {
    assertThatThrownBy(() -> AgencyCode.parse("KAB-"))
        .hasMessage("agency code \"KAB-\" ends with a hyphen");
  }

  @Test
  void parse_tooLong_rejected() {
    assertThatThrownBy(() -> AgencyCode.parse("A".repeat(33)))
        .hasMessageEndingWith("has 33 characters; a code has 2 to 32");
  }

  @Test
  void of_invalid_isABug() {
    assertThatThrownBy(() -> AgencyCode.of("x")).isInstanceOf(IllegalArgumentException.class);
  }
}
