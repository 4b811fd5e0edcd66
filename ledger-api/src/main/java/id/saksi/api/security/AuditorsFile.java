package id.saksi.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accounts allowed to read or erase personal data: a text file, one account a line,
 *
 * <pre>
 * # comment
 * name:{bcrypt}$2a$12$...             an AUDITOR
 * name:$2y$12$...                     the same, as htpasswd -B writes it
 * name:{bcrypt}$2a$12$...:AUDITOR,ERASER
 * </pre>
 *
 * <p>Only bcrypt hashes are accepted: a clear-text or other password form is refused, so there is
 * no way to configure a plain password. A name is an account name as ledger records carry it
 * (letters, digits, '.', '_', '@', '-'). A malformed line fails with its line number and never
 * repeats the hash.
 */
public final class AuditorsFile {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final String PREFIX = "{bcrypt}";

  /** One account: its name, its bcrypt hash (without the prefix) and its roles. */
  public record Account(String name, String bcryptHash, Set<Roles> roles) {
    /** Copies the roles. */
    public Account {
      roles = Set.copyOf(roles);
    }

    /** Names the account and its roles, never the hash. */
    @Override
    public String toString() {
      return "Account(" + name + " " + roles + ")";
    }
  }

  /** A line that is not an account. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FormatException(Path file, int line, String problem) {
      super(file + " line " + line + ": " + problem);
    }
  }

  private AuditorsFile() {}

  /**
   * Reads the accounts of {@code file}; an absent file has none.
   *
   * @throws FormatException if a line is not an account, or names one twice
   */
  public static Map<String, Account> read(Path file) throws IOException, FormatException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Account a = parse(file, i + 1, line);
      if (accounts.put(a.name(), a) != null) {
        throw new FormatException(file, i + 1, "account " + a.name() + " is listed twice");
      }
    }
    return accounts;
  }

  private static Account parse(Path file, int n, String line) throws FormatException {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new FormatException(file, n, "write name:{bcrypt}hash (see SECURITY.md)");
    }
    String name = line.substring(0, colon);
    if (!NAME.matcher(name).matches()) {
      throw new FormatException(
          file,
          n,
          "the account name must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a"
              + " letter or digit");
    }
    String rest = line.substring(colon + 1);
    String hash = rest.startsWith(PREFIX) ? rest.substring(PREFIX.length()) : rest;
    String roles = null;
    int end = hash.indexOf(':');
    if (end >= 0) {
      roles = hash.substring(end + 1);
      hash = hash.substring(0, end);
    }
    if (!BCRYPT.matcher(hash).matches()) {
      throw new FormatException(
          file,
          n,
          "account "
              + name
              + " has no bcrypt hash; only {bcrypt} hashes are accepted, never a password:"
              + " make one with `java -jar ledger-api.jar hash-password` or `htpasswd -nBC 12"
              + " "
              + name
              + "`");
    }
    return new Account(name, hash, roles == null ? Set.of(Roles.AUDITOR) : roles(file, n, roles));
  }

  private static Set<Roles> roles(Path file, int n, String text) throws FormatException {
    Set<Roles> out = EnumSet.noneOf(Roles.class);
    for (String r : text.split(",", -1)) {
      Optional<Roles> role = role(r.strip());
      if (role.isEmpty()) {
        List<String> known = new ArrayList<>();
        for (Roles k : Roles.values()) {
          known.add(k.name());
        }
        throw new FormatException(
            file, n, "\"" + r.strip() + "\" is not a role; roles: " + String.join(", ", known));
      }
      out.add(role.get());
    }
    return out;
  }

  private static Optional<Roles> role(String text) {
    for (Roles r : Roles.values()) {
      if (r.name().equals(text.toUpperCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
