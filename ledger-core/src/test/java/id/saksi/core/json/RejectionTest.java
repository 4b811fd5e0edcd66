package id.saksi.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input in json/rejected/cases.tsv is refused, with exactly its message, by every entry. */
class RejectionTest {

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String line : EcmaNumberTest.resourceLines("/json/rejected/cases.tsv")) {
      String[] f = line.split("\t", -1);
      assertThat(f).as(line).hasSize(3);
      byte[] input =
          f[1].startsWith("hex:")
              ? HexFormat.of().parseHex(f[1].substring(4))
              : f[1].getBytes(UTF_8);
      cases.add(Arguments.of(f[0], input, f[2]));
    }
    assertThat(cases).hasSizeGreaterThan(90);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_rejectsWithExactMessage(String name, byte[] input, String message) {
    assertThatThrownBy(() -> CanonicalJson.parse(input))
        .isInstanceOf(JsonParseException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(input))
        .isInstanceOf(JsonParseException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> CanonicalJson.requireCanonical(input))
        .isInstanceOf(JsonParseException.class)
        .hasMessage(message);
  }
}
