package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.testing.Tampers;
import id.saksi.core.testing.Tampers.Tampered;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mutation of the tamper suite, through the command line: exit 1, the failure printed. */
class TamperCliTest {
  @TempDir Path dir;

  static Stream<Tampered> tampers() {
    return Tampers.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampers")
  void verify_tampered_exitsOneNamingTheEntryAndCheck(Tampered t) throws Exception {
    Path bundle = Files.write(dir.resolve(t.name() + ".zip"), t.bundle());
    List<String> args =
        new ArrayList<>(
            List.of("verify", bundle.toString(), "--log-key", Tampers.honest().logKey().encode()));
    if (t.since() != null) {
      args.add("--since");
      args.add(Files.write(dir.resolve("since"), t.since()).toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.run(
            args.toArray(new String[0]),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));

    assertThat(code).as(out.toString(UTF_8) + err.toString(UTF_8)).isEqualTo(Main.EXIT_INVALID);
    String prefix =
        "  "
            + (t.index().isPresent() ? "entry " + t.index().getAsLong() + ": " : "")
            + t.check().wire()
            + ": ";
    assertThat(out.toString(UTF_8)).contains(prefix).contains(t.message());
    assertThat(err.toString(UTF_8)).isEmpty();
  }
}
