package id.saksi.client;

/** Text from a service or a file made safe to print on one terminal line. */
final class Texts {
  private Texts() {}

  /** {@code s} with control characters shown as '?', cut to {@code max} characters. */
  static String printable(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max + 3));
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    if (s.length() > max) {
      b.append("...");
    }
    return b.toString();
  }
}
