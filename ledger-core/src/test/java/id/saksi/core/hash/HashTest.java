package id.saksi.core.hash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.ParseException;
import org.junit.jupiter.api.Test;

class HashTest {
  // echo -n "" | sha256sum
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void emptyRoot_isSha256OfEmptyString() {
    assertThat(Hashing.emptyRoot().hex()).isEqualTo(EMPTY_SHA256);
  }

  @Test
  void leafHash_prefixesZeroByte() {
    // printf '\x00' | sha256sum  (RFC 6962 leaf hash of the empty leaf)
    assertThat(Hashing.leafHash(new byte[0]).hex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    // printf '\x00abc' | sha256sum
    assertThat(Hashing.leafHash("abc".getBytes(UTF_8)).hex())
        .isEqualTo("609f6e36d2405585188d5cfd761f407c7cc46a7d3f314c88270469dde315fcd1");
  }

  @Test
  void nodeHash_prefixesOneByteThenLeftThenRight() {
    Hash l = Hashing.leafHash(new byte[] {1});
    Hash r = Hashing.leafHash(new byte[] {2});
    byte[] buf = new byte[65];
    buf[0] = 1;
    l.copyTo(buf, 1);
    r.copyTo(buf, 33);
    assertThat(Hashing.nodeHash(l, r)).isEqualTo(Hashing.sha256(buf));
    assertThat(Hashing.nodeHash(r, l)).isNotEqualTo(Hashing.nodeHash(l, r));
  }

  @Test
  void hex_roundTripsAndAcceptsUpperCase() throws ParseException {
    Hash h = Hash.fromHex(EMPTY_SHA256);
    assertThat(h.hex()).isEqualTo(EMPTY_SHA256);
    assertThat(Hash.fromHex(EMPTY_SHA256.toUpperCase(java.util.Locale.ROOT))).isEqualTo(h);
  }

  @Test
  void fromHex_wrongLength_saysHowLong() {
    assertThatThrownBy(() -> Hash.fromHex("abcd"))
        .isInstanceOf(ParseException.class)
        .hasMessage("a hash in hex is 64 digits, got 4 characters");
  }

  @Test
  void fromHex_digitOfAnotherScript_isAParseException() {
    // Found by HashFuzzTest: U+06F8 is a digit to Character.digit, not to HexFormat.
    assertThatThrownBy(() -> Hash.fromHex(EMPTY_SHA256.substring(1) + "\u06f8"))
        .isInstanceOf(ParseException.class)
        .hasMessage("a hash in hex has only 0-9 and a-f, got '\u06f8'");
  }

  @Test
  void fromHex_nonHexDigit_namesIt() {
    assertThatThrownBy(() -> Hash.fromHex("g" + EMPTY_SHA256.substring(1)))
        .isInstanceOf(ParseException.class)
        .hasMessage("a hash in hex has only 0-9 and a-f, got 'g'");
  }

  @Test
  void base64_roundTrips() throws ParseException {
    Hash h = Hashing.emptyRoot();
    assertThat(h.base64()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(Hash.fromBase64(h.base64())).isEqualTo(h);
  }

  @Test
  void fromBase64_rejectsUnpaddedUrlSafeAndNonCanonical() {
    assertThatThrownBy(() -> Hash.fromBase64("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU="))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("a hash in base64 is not valid base64");
    assertThatThrownBy(() -> Hash.fromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"))
        .isInstanceOf(ParseException.class)
        .hasMessage("a hash in base64 is 44 characters (32 bytes, padded), got 43");
    // Last character 'V' carries non-zero padding bits; 'U' is the canonical one.
    assertThatThrownBy(() -> Hash.fromBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV="))
        .isInstanceOf(ParseException.class)
        .hasMessage("a hash in base64 must be the canonical encoding of 32 bytes");
  }

  @Test
  void of_copiesOnTheWayInAndOut() {
    byte[] raw = new byte[32];
    Hash h = Hash.of(raw);
    raw[0] = 9;
    assertThat(h).isEqualTo(Hash.ZERO);
    h.bytes()[0] = 9;
    assertThat(h).isEqualTo(Hash.ZERO);
  }

  @Test
  void of_wrongLength_isAProgrammingError() {
    assertThatThrownBy(() -> Hash.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a hash is 32 bytes, got 31 bytes");
  }
}
