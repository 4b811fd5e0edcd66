package id.saksi.api.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar ledger-api.jar hash-password NAME}: reads a password (from the terminal without
 * echo, or the first line of standard input) and prints the auditors-file line {@code
 * NAME:{bcrypt}hash} for it. Nothing else starts: no database, no keys.
 */
public final class PasswordHashCommand {
  /** The subcommand's name. */
  public static final String NAME = "hash-password";

  /** bcrypt's cost: 2^12 rounds, about a quarter of a second per check on one core here. */
  static final int STRENGTH = 12;

  private PasswordHashCommand() {}

  /**
   * Runs the command.
   *
   * @return the exit code: 0 with the line printed, 2 on a usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length != 2 || !args[1].matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
      err.println(
          "usage: java -jar ledger-api.jar hash-password NAME   (NAME: letters, digits, '.', '_',"
              + " '@', '-'); the password is read from the terminal or standard input");
      return 2;
    }
    char[] password = readPassword(err);
    if (password == null || password.length < 12) {
      err.println("a password of at least 12 characters is required; nothing was printed");
      return 2;
    }
    try {
      String hash = hash(password);
      out.println(args[1] + ":{bcrypt}" + hash);
      return 0;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The bcrypt hash of {@code password}. */
  static String hash(char[] password) {
    return new BCryptPasswordEncoder(STRENGTH).encode(java.nio.CharBuffer.wrap(password));
  }

  private static char[] readPassword(PrintStream err) throws IOException {
    Console console = System.console();
    // Java 17: a console only when both standard streams are a terminal; piped input reads a line.
    @SuppressWarnings("SystemConsoleNull")
    boolean interactive = console != null;
    if (interactive) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, again)) {
        err.println("the two passwords differ");
        return null;
      }
      return first;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.toCharArray();
  }
}
