package id.saksi.core.domain.validation;

import java.util.Locale;

/** Small helpers that make messages about bad input readable and safe to log. */
public final class Texts {
  private static final int QUOTE_LIMIT = 40;

  private Texts() {}

  /**
   * The text cut to a readable length with control characters escaped, so that a message quoting
   * bad input can neither flood a log nor forge a line in it.
   */
  public static String quoteSafe(String text) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(text.length(), QUOTE_LIMIT);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > QUOTE_LIMIT) {
      out.append("...");
    }
    return out.toString();
  }

  /** A character as a clerk can recognise it: {@code 'a'}, {@code a space}, {@code U+00A0}. */
  public static String describe(char c) {
    if (c == ' ') {
      return "a space";
    }
    if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return String.format(Locale.ROOT, "the invisible character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }
}
