package id.saksi.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DisclosureTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void create_thenParse_roundTrips() throws Exception {
    Disclosure created = Disclosure.create("reported.name", "Siti \"Ani\" Rahma\n", RANDOM);

    Disclosure parsed = Disclosure.parse(created.encoded());

    assertThat(parsed.claimName()).isEqualTo("reported.name");
    assertThat(parsed.value()).isEqualTo("Siti \"Ani\" Rahma\n");
    assertThat(parsed.salt()).isEqualTo(created.salt());
    assertThat(parsed.digest()).isEqualTo(created.digest());
  }

  @Test
  void create_saltIs128BitsOfBase64url() {
    Disclosure d = Disclosure.create("reported.nip", "198503302010122001", RANDOM);

    assertThat(d.salt()).hasSize(22);
    assertThat(Base64.getUrlDecoder().decode(d.salt())).hasSize(16);
  }

  @Test
  void create_sameValueTwice_differentDigests() {
    Disclosure a = Disclosure.create("reported.nip", "198503302010122001", RANDOM);
    Disclosure b = Disclosure.create("reported.nip", "198503302010122001", RANDOM);

    assertThat(a.digest()).isNotEqualTo(b.digest());
  }

  @Test
  void create_encodesTheSdJwtArray() {
    Disclosure d = Disclosure.create("place", "Metro", RANDOM);

    String json = new String(Base64.getUrlDecoder().decode(d.encoded()), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("[\"" + d.salt() + "\",\"place\",\"Metro\"]");
  }

  @Test
  void create_reservedName_isABug() {
    assertThatThrownBy(() -> Disclosure.create("_sd", "x", RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_otherDisclosuresDigest_namesBothDigests() {
    Disclosure a = Disclosure.create("reported.nip", "198503302010122001", RANDOM);
    Disclosure b = Disclosure.create("reported.nip", "198503302010122001", RANDOM);

    assertThatThrownBy(() -> a.verify(b.digest()))
        .isInstanceOf(DisclosureMismatchException.class)
        .hasMessage(
            "disclosure of \"reported.nip\" does not match its digest: the statement carries "
                + b.digest()
                + ", the disclosure hashes to "
                + a.digest());
  }

  @Test
  void toString_hidesTheValue() {
    assertThat(Disclosure.create("reported.nip", "198503302010122001", RANDOM).toString())
        .isEqualTo("Disclosure[reported.nip]");
  }

  @Test
  void parse_empty_rejected() {
    assertThatThrownBy(() -> Disclosure.parse(""))
        .isInstanceOf(DisclosureFormatException.class)
        .hasMessage("a disclosure has 1 to 65536 characters, got 0");
  }

  @Test
  void parse_strayBitsInLastCharacter_rejected() {
    // "WyJ" + ... : flip the final character of a valid disclosure to one whose low bits are set.
    String valid = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
    String stray = valid.substring(0, valid.length() - 1) + "1";

    assertThatThrownBy(() -> Disclosure.parse(stray))
        .hasMessage("a disclosure must be canonical base64url; its last character has stray bits");
  }

  @Test
  void digestParse_wrongLength_rejected() {
    assertThatThrownBy(() -> Digest.parse("abc"))
        .isInstanceOf(DisclosureFormatException.class)
        .hasMessage("a digest is 43 characters of unpadded base64url (SHA-256), got 3");
  }

  @Test
  void digestParse_standardAlphabet_rejected() {
    assertThatThrownBy(() -> Digest.parse("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC+"))
        .hasMessage("a digest is unpadded base64url (A-Z a-z 0-9 - _), got '+' at position 43");
  }

  @Test
  void digestParse_strayBits_rejected() {
    assertThatThrownBy(() -> Digest.parse("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC1"))
        .hasMessage(
            "a digest must be the canonical base64url of 32 bytes; its last character has stray"
                + " bits");
  }
}
