package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
  }

  @Test
  void run_noArguments_printsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(UTF_8)).startsWith("usage: java -jar verifier.jar");
  }

  @Test
  void run_unknownCommand_namesItAndExitsTwo() {
    assertThat(run("frobnicate")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(UTF_8)).startsWith("verifier: unknown command 'frobnicate'");
  }

  @Test
  void run_help_printsUsageToStdoutAndExitsZero() {
    assertThat(run("--help")).isEqualTo(Main.EXIT_VALID);
    assertThat(out.toString(UTF_8)).contains("Exit codes: 0 valid, 1 integrity failure, 2");
  }
}
