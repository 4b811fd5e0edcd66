package id.saksi.core.json;

import java.util.Arrays;
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

  private byte[] buf;
  private int len;

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
    // String's natural order compares UTF-16 code units, which is what RFC 8785 section 3.2.3
    // asks for (and not code points: U+1F600 sorts before U+FB33).
    String[] keys = node.propertyNames().toArray(new String[0]);
    Arrays.sort(keys);
    byte1('{');
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        byte1(',');
      }
      string(keys[i]);
      byte1(':');
      value(node.get(keys[i]), depth);
    }
    byte1('}');
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
    int n = s.length();
    ensure(3 * n + 2); // a char takes at most 3 bytes and a pair 4; escapes make their own room
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
          continue;
        }
        len = p;
        ensure(6 + 3 * (n - i - 1) + 1); // this escape, then the rest at the same bound as above
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
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "cannot write a string with a lone surrogate U+%04X at index %d as JSON:"
                    + " it is not Unicode text",
                (int) c,
                i));
      }
    }
    b[p++] = '"';
    len = p;
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
