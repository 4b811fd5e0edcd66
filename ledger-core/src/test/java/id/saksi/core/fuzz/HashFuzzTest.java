package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.hash.Hash;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the small text forms of 32-byte values: {@link Hash#fromHex}, {@link Hash#fromBase64}, the
 * agency {@link KeyId}, the disclosure {@link Digest} and the {@link PersonRef}. Only {@link
 * ParseException} escapes, and each value has one spelling: what reads writes back as the input
 * (hex in either case, as documented).
 */
class HashFuzzTest {
  static Stream<Arguments> hashTextSeeds() {
    return FuzzSeeds.forTarget("hash")
        .add("hex", "919f519d10e26f63b2a3ff3ddc4ebf76ad318b70fe77e73f377f0cf8d9e4f976")
        .add("HEX", "919F519D10E26F63B2A3FF3DDC4EBF76AD318B70FE77E73F377F0CF8D9E4F976")
        .add("base64", "wh0qhOqrAUsdzZSNxYJylk2x6Ya8gTaa5YuOfGhTSaY=")
        .add("base64url digest", "VfU6ZYOBN3z-JIf8OQ3VR7KIEhkPRX5TfiobJzYic8Y")
        .add("zero", "0000000000000000000000000000000000000000000000000000000000000000")
        .stream();
  }

  @MethodSource("hashTextSeeds")
  @FuzzTest
  void hashText(byte[] input) throws Exception {
    String text = new String(input, UTF_8);
    try {
      assertThat(Hash.fromHex(text).hex()).isEqualTo(text.toLowerCase(Locale.ROOT));
    } catch (ParseException e) {
      // not a hash in hex
    }
    try {
      assertThat(Hash.fromBase64(text).base64()).isEqualTo(text);
    } catch (ParseException e) {
      // not a hash in base64
    }
    try {
      assertThat(KeyId.parse(text).hex()).isEqualTo(text);
    } catch (ParseException e) {
      // not a key id
    }
    try {
      assertThat(Digest.parse(text).text()).isEqualTo(text);
    } catch (ParseException e) {
      // not a digest
    }
    try {
      assertThat(PersonRef.parse(text).text()).isEqualTo(text);
    } catch (ParseException e) {
      // not a person reference
    }
  }
}
