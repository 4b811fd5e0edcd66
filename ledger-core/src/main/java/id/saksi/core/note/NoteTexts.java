package id.saksi.core.note;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Shared rules of the note formats: names, strict UTF-8, canonical base64, quoting in messages. */
final class NoteTexts {
  private static final int MAX_QUOTED = 80;

  private NoteTexts() {}

  /**
   * Why {@code name} is not a valid key name, or null if it is. Per c2sp.org/signed-note a name is
   * non-empty with no Unicode spaces and no plus; control characters cannot appear in a note.
   */
  static String keyNameProblem(String name) {
    if (name.isEmpty()) {
      return "key name is empty";
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+') {
        return "key name " + quote(name) + " contains a plus (U+002B)";
      }
      if (isSpace(cp)) {
        return "key name " + quote(name) + " contains a space " + codePoint(cp);
      }
      if (cp < 0x20 || cp == 0x7f) {
        return "key name " + quote(name) + " contains a control character " + codePoint(cp);
      }
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        return "key name " + quote(name) + " is not valid Unicode (lone surrogate)";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /**
   * The Unicode White_Space property, as Go's unicode.IsSpace (used by golang.org/x/mod/sumdb/note)
   * applies it: tab, LF, VT, FF, CR, space, U+0085, U+00A0 and the Zs, Zl and Zp categories.
   */
  static boolean isSpace(int cp) {
    return cp == '\t'
        || cp == '\n'
        || cp == 0x0b
        || cp == '\f'
        || cp == '\r'
        || cp == 0x85
        || Character.isSpaceChar(cp);
  }

  /** U+XXXX. */
  static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  /**
   * Decodes strict UTF-8 (no overlong forms, no encoded surrogates).
   *
   * @return the text, or null if invalid; {@code badOffset[0]} then holds the byte offset
   */
  static String decodeUtf8(byte[] bytes, int length, int[] badOffset) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      badOffset[0] = in.position();
      return null;
    }
    result = decoder.flush(out);
    if (result.isError()) {
      badOffset[0] = in.position();
      return null;
    }
    out.flip();
    return out.toString();
  }

  /** UTF-8 of {@code text}, or null if it has a lone surrogate (which has no UTF-8). */
  static byte[] encodeUtf8(String text) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  /** Canonical padded base64 decoded, or null if {@code s} is anything else. */
  static byte[] decodeBase64(String s) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
    // Java's decoder accepts missing padding and non-zero padding bits; two strings must not
    // name one value.
    if (!Base64.getEncoder().encodeToString(bytes).equals(s)) {
      return null;
    }
    return bytes;
  }

  /**
   * Decimal with no sign and no leading zero (except "0 itself"), at most 2^63-1.
   *
   * @return the value, or a negative number: -1 if not decimal, -2 if a leading zero, -3 if too
   *     large
   */
  static long parseDecimal(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      return -2;
    }
    if (s.length() > 19) {
      return -3;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -3;
    }
  }

  /** {@code s} in single quotes, cut to 80 characters, control characters as \\uXXXX. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(s.length(), MAX_QUOTED);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
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
