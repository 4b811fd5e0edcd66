package id.saksi.core.domain.validation;

/**
 * The code of an agency in the registry: 2 to 32 characters, upper-case letters, digits and single
 * hyphens, starting with a letter, for example {@code BAWASLU}, {@code BAWASLU-JATENG} or {@code
 * PEMKOT-METRO}.
 *
 * <p>The code is chosen by the registrar when it registers the agency and never changes; it is what
 * statements name in their {@code agency} field, so it is kept short, unambiguous and free of
 * spaces and lower case (two spellings must never name one agency).
 */
public final class AgencyCode implements Comparable<AgencyCode> {
  /** Longest code accepted. */
  public static final int MAX_LENGTH = 32;

  private final String value;

  private AgencyCode(String value) {
    this.value = value;
  }

  /** Parses a code, naming what is wrong with it. */
  public static AgencyCode parse(String text) throws InvalidValueException {
    String problem = problem(text);
    if (problem != null) {
      throw new InvalidValueException("agency code \"" + Texts.quoteSafe(text) + "\" " + problem);
    }
    return new AgencyCode(text);
  }

  /**
   * A code written in program text or tests.
   *
   * @throws IllegalArgumentException if it is not a valid code: a typo in code is a bug
   */
  public static AgencyCode of(String text) {
    String problem = problem(text);
    if (problem != null) {
      throw new IllegalArgumentException("agency code \"" + text + "\" " + problem);
    }
    return new AgencyCode(text);
  }

  private static String problem(String text) {
    if (text.length() < 2 || text.length() > MAX_LENGTH) {
      return "has " + text.length() + " characters; a code has 2 to " + MAX_LENGTH;
    }
    char first = text.charAt(0);
    if (first < 'A' || first > 'Z') {
      return "must start with an upper-case letter A-Z";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return "has "
            + Texts.describe(c)
            + " at position "
            + (i + 1)
            + "; use only A-Z, 0-9 and '-' (upper case, no spaces)";
      }
      if (c == '-' && i > 0 && text.charAt(i - 1) == '-') {
        return "has two hyphens in a row at position " + i + "; use one";
      }
    }
    if (text.charAt(text.length() - 1) == '-') {
      return "ends with a hyphen";
    }
    return null;
  }

  /** The code as written in statements. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgencyCode && value.equals(((AgencyCode) o).value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(AgencyCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
