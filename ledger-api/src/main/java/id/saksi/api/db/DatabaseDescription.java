package id.saksi.api.db;

/**
 * Which database the service uses, in words fit for a log line: never a password.
 *
 * @param embedded whether the service started this PostgreSQL itself
 * @param text where the database is, e.g. its data directory and port, or its URL without
 *     parameters
 */
public record DatabaseDescription(boolean embedded, String text) {

  /** The URL up to its parameters, which is where drivers accept passwords and keys. */
  static String redact(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    // jdbc:postgresql://user:password@host/db is accepted by some drivers: drop the user info too.
    int scheme = base.indexOf("//");
    int at = base.indexOf('@');
    if (scheme >= 0 && at > scheme) {
      base = base.substring(0, scheme + 2) + base.substring(at + 1);
    }
    return base;
  }
}
