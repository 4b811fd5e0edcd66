package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs the client's command line in the test's JVM and keeps what it printed. */
record Cli(int code, String out, String err) {
  static Cli run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new Cli(code, out.toString(UTF_8), err.toString(UTF_8));
  }
}
