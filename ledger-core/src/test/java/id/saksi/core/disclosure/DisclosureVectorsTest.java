package id.saksi.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden vectors under src/test/resources/disclosure; see the README there for their origin. */
class DisclosureVectorsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "rfc9901-object-property",
        "rfc9901-newlines",
        "rfc9901-unicode-escape",
        "rfc9901-compact",
        "rfc9901-array-element",
        "padded",
        "standard-alphabet",
        "digest-of-decoded-json",
        "short-salt",
        "number-value",
        "reserved-claim-name",
        "trailing-garbage",
        "object-not-array",
        "four-elements",
        "latin1-not-utf8"
      })
  void vector_behavesAsRecorded(String name) throws Exception {
    Map<String, String> v = read(name);
    String expect = v.get("expect");
    Digest digest = Digest.parse(v.get("digest"));
    if (expect.equals("ok")) {
      Disclosure d = Disclosure.parse(v.get("disclosure"));
      assertThat(d.digest()).isEqualTo(digest);
      d.verify(digest);
      assertThat(d.salt()).isEqualTo("_26bc4LT-ac6q2KI6cBW5es");
      assertThat(d.claimName()).isEqualTo("family_name");
      assertThat(d.value()).isEqualTo("Möbius");
    } else if (expect.equals("mismatch")) {
      Disclosure d = Disclosure.parse(v.get("disclosure"));
      assertThatThrownBy(() -> d.verify(digest))
          .isInstanceOf(DisclosureMismatchException.class)
          .hasMessage(
              "disclosure of \"family_name\" does not match its digest: the statement carries "
                  + digest
                  + ", the disclosure hashes to X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0");
    } else if (expect.startsWith("error-prefix ")) {
      assertThatThrownBy(() -> Disclosure.parse(v.get("disclosure")))
          .isInstanceOf(DisclosureFormatException.class)
          .hasMessageStartingWith(expect.substring("error-prefix ".length()));
    } else {
      assertThat(expect).startsWith("error ");
      assertThatThrownBy(() -> Disclosure.parse(v.get("disclosure")))
          .isInstanceOf(DisclosureFormatException.class)
          .hasMessage(expect.substring("error ".length()));
    }
  }

  private static Map<String, String> read(String name) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in =
        DisclosureVectorsTest.class.getResourceAsStream("/disclosure/" + name + ".txt")) {
      assertThat(in).as(name).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int colon = line.indexOf(": ");
        out.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return out;
  }
}
