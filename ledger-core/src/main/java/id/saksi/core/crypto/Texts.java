package id.saksi.core.crypto;

/** Renders untrusted text in error messages: bounded, with control characters escaped. */
final class Texts {
  private static final int MAX_QUOTED = 80;

  private Texts() {}

  /** {@code s} in single quotes, cut to 80 characters, with non-printable characters as U+XXXX. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(s.length(), MAX_QUOTED);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('\'');
    if (s.length() > MAX_QUOTED) {
      sb.append("... (").append(s.length()).append(" characters)");
    }
    return sb.toString();
  }
}
