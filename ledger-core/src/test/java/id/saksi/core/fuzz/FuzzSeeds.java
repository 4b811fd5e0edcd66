package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The seed corpus of one fuzz target: golden files read where they already live (so a new golden
 * file needs no copy), inputs derived from them in code, and the target's own directory under
 * src/test/resources/fuzz, which holds the crash reproducers that fuzzing found.
 *
 * <p>Jazzer runs every seed in regression mode (plain {@code ./mvnw verify}) and starts from them
 * in fuzzing mode. A missing golden file fails the test rather than silently shrinking the corpus.
 */
final class FuzzSeeds {
  /** ledger-core's test resources; Surefire runs tests in the module directory. */
  static final Path RESOURCES = Path.of("src", "test", "resources");

  /** docs/example: the worked example of docs/format.md. */
  static final Path EXAMPLE = Path.of("..", "docs", "example");

  private final List<Arguments> seeds = new ArrayList<>();

  private FuzzSeeds() {}

  /**
   * A corpus that starts with every file under src/test/resources/fuzz/{@code target} (README.md
   * files excepted), which must exist.
   */
  static FuzzSeeds forTarget(String target) {
    FuzzSeeds s = new FuzzSeeds();
    Path dir = RESOURCES.resolve("fuzz").resolve(target);
    if (Files.isDirectory(dir)) {
      s.tree(dir);
    }
    return s;
  }

  /** The whole file. */
  FuzzSeeds file(Path file) {
    return add(display(file), read(file));
  }

  /** Every regular file under {@code dir}, recursively, README.md files excepted. */
  FuzzSeeds tree(Path dir) {
    requireExists(dir);
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .forEach(this::file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Each line of a text file, without its line end, blank lines skipped. */
  FuzzSeeds lines(Path file) {
    List<String> lines = textLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        add(display(file) + ":" + (i + 1), lines.get(i).getBytes(UTF_8));
      }
    }
    return this;
  }

  /** An input made in code, typically derived from a golden file. */
  FuzzSeeds add(String name, byte[] input) {
    seeds.add(Arguments.of(Named.of(name, input)));
    return this;
  }

  /** An input made in code, as UTF-8. */
  FuzzSeeds add(String name, String input) {
    return add(name, input.getBytes(UTF_8));
  }

  Stream<Arguments> stream() {
    return seeds.stream();
  }

  static byte[] read(Path file) {
    requireExists(file);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> textLines(Path file) {
    requireExists(file);
    try {
      return Files.readAllLines(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireExists(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalStateException(
          "seed " + p.toAbsolutePath().normalize() + " is missing: a golden file was moved?");
    }
  }

  private static String display(Path p) {
    return p.normalize().toString().replace('\\', '/');
  }
}
