package id.saksi.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a tree as RFC 8785 canonical JSON: no white space, object keys sorted by UTF-16 code
 * units, strings escaped as ECMAScript's JSON.stringify does, numbers spelled as ECMAScript's
 * Number::toString does, all in UTF-8.
 */
final class CanonicalWriter {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };
  private static final long MAX_EXACT_LONG = 1L << 53;

  /** For each UTF-8 byte: {@link #ESCAPE} for controls, '"' and '\\'; '?' is looked at too. */
  private static final byte[] SPECIAL = new byte[256];

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte ESCAPE = 1;

  /** Below this many chars a string is encoded char by char. */
  private static final int SHORT_STRING = 32;

  private static final byte QUESTION_MARK = 2;

  static {
    for (int c = 0; c < 0x20; c++) {
      SPECIAL[c] = ESCAPE;
    }
    SPECIAL['"'] = ESCAPE;
    SPECIAL['\\'] = ESCAPE;
    SPECIAL['?'] = QUESTION_MARK;
  }

  private byte[] buf;
  private int len;

  /**
   * If the tree is an object: its members' keys in the order written, and where each member's value
   * starts and ends in the output; otherwise null.
   */
  private String[] topKeys;

  private int[] topStarts;
  private int[] topEnds;

  private CanonicalWriter(int sizeHint) {
    buf = new byte[Math.max(64, sizeHint)];
  }

  /**
   * Returns the canonical bytes of {@code tree}; {@code sizeHint} is a guess of their length.
   *
   * @throws IllegalArgumentException if the tree holds something JSON cannot express (NaN,
   *     Infinity, a lone surrogate, binary or POJO nodes) or is nested deeper than {@link
   *     CanonicalJson#MAX_DEPTH}
   */
  static byte[] write(JsonNode tree, int sizeHint) {
    CanonicalWriter w = new CanonicalWriter(sizeHint);
    w.value(tree, 0);
    return Arrays.copyOf(w.buf, w.len);
  }

  /**
   * Writes {@code tree} and returns the writer, whose {@link #buffer} and {@link #length} give the
   * output without a copy, and whose {@link #topKeys}, {@link #topStart} and {@link #topEnd} locate
   * the values of a top-level object's members in it.
   */
  static CanonicalWriter writeLocatingMembers(JsonNode tree, int sizeHint) {
    CanonicalWriter w = new CanonicalWriter(sizeHint);
    w.value(tree, 0);
    return w;
  }

  /** The output written so far, shared: its first {@link #length} bytes. */
  byte[] buffer() {
    return buf;
  }

  /** The number of bytes written. */
  int length() {
    return len;
  }

  /** The keys of the top-level object's members in the order written, or null. */
  String[] topKeys() {
    return topKeys;
  }

  /** Offset in the output of the value of the top-level object's member number {@code i}. */
  int topStart(int i) {
    return topStarts[i];
  }

  /** Offset just past the value of the top-level object's member number {@code i}. */
  int topEnd(int i) {
    return topEnds[i];
  }

  private void value(JsonNode node, int depth) {
    switch (node.getNodeType()) {
      case OBJECT:
        object(node, depth + 1);
        break;
      case ARRAY:
        array(node, depth + 1);
        break;
      case STRING:
        string(node.stringValue());
        break;
      case NUMBER:
        number(node);
        break;
      case BOOLEAN:
        raw(node.booleanValue() ? TRUE : FALSE);
        break;
      case NULL:
        raw(NULL);
        break;
      default:
        throw new IllegalArgumentException(
            "cannot write a " + node.getNodeType() + " node as JSON: it has no JSON form");
    }
  }

  private void object(JsonNode node, int depth) {
    checkDepth(depth);
    int n = node.size();
    String[] keys = new String[n];
    JsonNode[] values = new JsonNode[n];
    int k = 0;
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      keys[k] = member.getKey();
      values[k] = member.getValue();
      k++;
    }
    sort(keys, values);
    boolean top = depth == 1;
    if (top) {
      topKeys = keys;
      topStarts = new int[n];
      topEnds = new int[n];
    }
    byte1('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        byte1(',');
      }
      string(keys[i]);
      byte1(':');
      if (top) {
        topStarts[i] = len;
      }
      value(values[i], depth);
      if (top) {
        topEnds[i] = len;
      }
    }
    byte1('}');
  }

  /**
   * Sorts members by key. String's natural order compares UTF-16 code units, which is what RFC 8785
   * section 3.2.3 asks for (and not code points: U+1F600 sorts before U+FB33). Small objects, the
   * usual case, get an insertion sort in place; large ones a merge sort on an index.
   */
  private static void sort(String[] keys, JsonNode[] values) {
    int n = keys.length;
    if (n <= 16) {
      for (int i = 1; i < n; i++) {
        String key = keys[i];
        JsonNode value = values[i];
        int j = i - 1;
        while (j >= 0 && keys[j].compareTo(key) > 0) {
          keys[j + 1] = keys[j];
          values[j + 1] = values[j];
          j--;
        }
        keys[j + 1] = key;
        values[j + 1] = value;
      }
      return;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    String[] k = keys.clone();
    JsonNode[] v = values.clone();
    Arrays.sort(order, (a, b) -> k[a].compareTo(k[b]));
    for (int i = 0; i < n; i++) {
      keys[i] = k[order[i]];
      values[i] = v[order[i]];
    }
  }

  private void array(JsonNode node, int depth) {
    checkDepth(depth);
    byte1('[');
    int n = node.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        byte1(',');
      }
      value(node.get(i), depth);
    }
    byte1(']');
  }

  private static void checkDepth(int depth) {
    if (depth > CanonicalJson.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "tree nested more than " + CanonicalJson.MAX_DEPTH + " deep: its JSON could not be read");
    }
  }

  private void number(JsonNode node) {
    double d;
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) {
        long v = node.longValue();
        if (-MAX_EXACT_LONG <= v && v <= MAX_EXACT_LONG) {
          ensure(EcmaNumber.MAX_CHARS);
          len = EcmaNumber.writeLong(v, buf, len);
          return;
        }
        d = v; // rounds to nearest, ties to even
      } else {
        d = node.bigIntegerValue().doubleValue(); // also rounds to nearest
      }
    } else if (node.isFloat()) {
      d = node.floatValue(); // widening is exact; the double's digits are then written
    } else if (node.isBigDecimal()) {
      d = node.decimalValue().doubleValue(); // correctly rounded
    } else {
      d = node.doubleValue();
    }
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(
          "cannot write the number "
              + node.numberValue()
              + " as JSON: JSON numbers are finite doubles");
    }
    ensure(EcmaNumber.MAX_CHARS);
    len = EcmaNumber.write(d, buf, len);
  }

  /**
   * RFC 8785 section 3.2.2.2: the two mandatory escapes, the five short ones for controls, {@code
   * \}{@code u00xx} in lower case for the other controls, and every other character as itself in
   * UTF-8 (no escaping of '/', U+007F, U+2028 or anything else).
   */
  private void string(String s) {
    if (s.length() < SHORT_STRING) {
      shortString(s);
    } else {
      longString(s);
    }
  }

  /** Keys and most values: char by char, which beats the JDK encoder's fixed cost. */
  private void shortString(String s) {
    int n = s.length();
    ensure(3 * n + 2); // a char takes at most 3 bytes and a pair 4; escapes make their own room
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (SPECIAL[c] != ESCAPE) {
          b[p++] = (byte) c;
          continue;
        }
        len = p;
        ensure(6 + 3 * (n - i - 1) + 1); // this escape, then the rest at the bound above
        escape(c);
        b = buf;
        p = len;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        checkSurrogates(s); // throws
      }
    }
    b[p++] = '"';
    len = p;
  }

  /** Long strings: the JDK's UTF-8 encoder, then 8 bytes at a time while nothing needs escaping. */
  private void longString(String s) {
    // The JDK's encoder is fast (a plain copy for ASCII), but it writes '?' for a lone surrogate.
    // With more bytes than chars, some char was not ASCII: look for lone surrogates in the chars.
    // With as many, every char became one byte, and a '?' that was not a '?' was a surrogate.
    byte[] utf8 = s.getBytes(UTF_8);
    int n = utf8.length;
    boolean oneBytePerChar = n == s.length();
    if (!oneBytePerChar) {
      checkSurrogates(s);
    }
    int plain = 0;
    while (plain <= n - 8 && !hasSpecialByte((long) LONGS.get(utf8, plain))) {
      plain += 8;
    }
    while (plain < n && SPECIAL[utf8[plain] & 0xFF] == 0) {
      plain++;
    }
    ensure(n + 2);
    buf[len++] = '"';
    System.arraycopy(utf8, 0, buf, len, plain);
    len += plain;
    for (int i = plain; i < n; i++) {
      byte b = utf8[i];
      int kind = SPECIAL[b & 0xFF];
      if (kind == ESCAPE) {
        ensure(6 + (n - i));
        escape((char) b);
      } else {
        if (kind == QUESTION_MARK && oneBytePerChar && s.charAt(i) != '?') {
          checkSurrogates(s); // throws
        }
        buf[len++] = b;
      }
    }
    ensure(1);
    buf[len++] = '"';
  }

  /**
   * Whether any of the 8 bytes is below 0x20, '"', '\\' or '?' (the usual bit tricks: a byte below
   * n borrows when n is subtracted from it, and x ^ c has a zero byte where x has c).
   */
  private static boolean hasSpecialByte(long w) {
    long below20 = (w - 0x2020202020202020L) & ~w;
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
    long question = w ^ 0x3F3F3F3F3F3F3F3FL;
    long zeros =
        ((quote - 0x0101010101010101L) & ~quote)
            | ((backslash - 0x0101010101010101L) & ~backslash)
            | ((question - 0x0101010101010101L) & ~question);
    return ((below20 | zeros) & 0x8080808080808080L) != 0;
  }

  private static void checkSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "cannot write a string with a lone surrogate U+%04X at index %d as JSON:"
                  + " it is not Unicode text",
              (int) c,
              i));
    }
  }

  private void escape(char c) {
    byte[] b = buf;
    b[len++] = '\\';
    switch (c) {
      case '"':
        b[len++] = '"';
        break;
      case '\\':
        b[len++] = '\\';
        break;
      case '\b':
        b[len++] = 'b';
        break;
      case '\t':
        b[len++] = 't';
        break;
      case '\n':
        b[len++] = 'n';
        break;
      case '\f':
        b[len++] = 'f';
        break;
      case '\r':
        b[len++] = 'r';
        break;
      default:
        b[len++] = 'u';
        b[len++] = '0';
        b[len++] = '0';
        b[len++] = HEX[c >> 4];
        b[len++] = HEX[c & 0xF];
    }
  }

  private void byte1(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void ensure(int more) {
    if (buf.length - len < more) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
