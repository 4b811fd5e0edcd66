package id.saksi.verifier;

import java.io.PrintStream;

/**
 * Entry point of {@code verifier.jar}.
 *
 * <p>Exit codes are part of the contract with scripts and courts: 0 the input verified, 1 an
 * integrity check failed, 2 the input was unusable or the command line was wrong. No stack trace
 * ever reaches the user.
 */
public final class Main {
  /** Everything checked and valid. */
  public static final int EXIT_VALID = 0;

  /** The input was read and an integrity check failed. */
  public static final int EXIT_INVALID = 1;

  /** The input could not be used (missing, unreadable, malformed) or the usage was wrong. */
  public static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).print(usage());
      return args.length == 0 ? EXIT_USAGE : EXIT_VALID;
    }
    err.println("verifier: unknown command '" + args[0] + "'");
    err.print(usage());
    return EXIT_USAGE;
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "usage: java -jar verifier.jar COMMAND [OPTIONS]",
        "",
        "Exit codes: 0 valid, 1 integrity failure, 2 unusable input or usage.",
        "");
  }
}
