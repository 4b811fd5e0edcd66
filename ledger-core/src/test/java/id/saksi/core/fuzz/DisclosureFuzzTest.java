package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.disclosure.DisclosureFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link Disclosure#parse}, which reads the personal values an auditor presents beside a
 * statement: only {@link DisclosureFormatException} escapes, and a disclosure that reads keeps its
 * text exactly (its digest is over that text) and reads again to the same salt, name and value.
 */
class DisclosureFuzzTest {
  static Stream<Arguments> disclosureSeeds() throws IOException {
    FuzzSeeds seeds = FuzzSeeds.forTarget("disclosure");
    try (Stream<Path> files = Files.list(FuzzSeeds.RESOURCES.resolve("disclosure"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        for (String line : FuzzSeeds.textLines(file)) {
          if (line.startsWith("disclosure: ")) {
            seeds.add(file.getFileName().toString(), line.substring("disclosure: ".length()));
          }
        }
      }
    }
    return seeds.stream();
  }

  @MethodSource("disclosureSeeds")
  @FuzzTest
  void disclosureParse(byte[] input) {
    String text = new String(input, UTF_8);
    Disclosure d;
    try {
      d = Disclosure.parse(text);
    } catch (DisclosureFormatException e) {
      return;
    }
    assertThat(d.encoded()).isEqualTo(text);
    Disclosure again;
    try {
      again = Disclosure.parse(d.encoded());
    } catch (DisclosureFormatException e) {
      throw new AssertionError("a parsed disclosure does not parse again", e);
    }
    assertThat(again.salt()).isEqualTo(d.salt());
    assertThat(again.claimName()).isEqualTo(d.claimName());
    assertThat(again.value()).isEqualTo(d.value());
    assertThat(again.digest()).isEqualTo(d.digest());
  }
}
