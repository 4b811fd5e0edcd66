package id.saksi.core.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads one strict JSON value from UTF-8 bytes into a tree, in two passes.
 *
 * <p>The first pass checks the encoding, which Jackson does not: it decodes overlong forms ({@code
 * C0 80} as U+0000) and sequences above U+10FFFF without complaint, skips a byte order mark, and
 * guesses UTF-16 from NUL bytes (that guess is switched off here too). The same pass rejects raw
 * control characters other than the white space JSON allows. The second pass is Jackson's streaming
 * parser, which checks the grammar (with its non-standard extensions all off, as they are by
 * default); the tree is built here so that this class decides duplicate keys, lone surrogates,
 * number range and nesting depth, each with its own position and message. Encoding errors are
 * therefore reported before grammar errors, and Jackson's grammar errors are reworded ({@link
 * #translate}).
 */
final class StrictJsonReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Bytes are UTF-8, always: no BOM skipping, no UTF-16/32 guessing from NUL patterns.
          .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
          // Each thread keeps its own buffers: the verifier's parsing threads do not contend for
          // a shared pool once per document.
          .recyclerPool(JsonRecyclerPools.threadLocalPool())
          // One more than ours, so that our check (with our message) fires first.
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(CanonicalJson.MAX_DEPTH + 1).build())
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** 2^53: integers up to this magnitude are exact doubles and are read as longs. */
  private static final long MAX_EXACT_LONG = 1L << 53;

  private static final double MAX_EXACT_DOUBLE = 0x1p53;

  private final byte[] in;

  private StrictJsonReader(byte[] in) {
    this.in = in;
  }

  static JsonNode read(byte[] utf8) throws JsonParseException {
    return new StrictJsonReader(utf8).read();
  }

  private JsonNode read() throws JsonParseException {
    checkEncoding();
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw error("no JSON value: the input is empty or only white space", in.length);
      }
      JsonNode root = value(p, first, 0);
      for (long i = p.currentLocation().getByteOffset(); i < in.length; i++) {
        if (!isWhiteSpace(in[(int) i])) {
          throw error("unexpected " + describeByteAt((int) i) + " after the JSON value", i);
        }
      }
      return root;
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private JsonNode value(JsonParser p, JsonToken token, int depth) throws JsonParseException {
    if (token == null) {
      // Jackson reports a truncated document itself; this would be a bug in this class.
      throw new IllegalStateException("the JSON parser ended inside a value");
    }
    switch (token) {
      case START_OBJECT:
        return object(p, depth + 1);
      case START_ARRAY:
        return array(p, depth + 1);
      case VALUE_STRING:
        String s = p.getString();
        checkSurrogates(s, p);
        return StringNode.valueOf(s);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(p, token);
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        // The grammar check is Jackson's; any other token here would be a bug in this class.
        throw new IllegalStateException("unexpected token " + token + " from the JSON parser");
    }
  }

  private ObjectNode object(JsonParser p, int depth) throws JsonParseException {
    checkDepth(p, depth);
    ObjectNode node = new ObjectNode(NODES);
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      checkSurrogates(key, p);
      if (node.has(key)) {
        throw error("duplicate key " + quote(key), tokenStart(p));
      }
      node.set(key, value(p, p.nextToken(), depth));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected token " + t + " in an object");
    }
    return node;
  }

  private ArrayNode array(JsonParser p, int depth) throws JsonParseException {
    checkDepth(p, depth);
    ArrayNode node = new ArrayNode(NODES);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      node.add(value(p, t, depth));
    }
    return node;
  }

  private void checkDepth(JsonParser p, int depth) throws JsonParseException {
    if (depth > CanonicalJson.MAX_DEPTH) {
      throw error(
          "arrays and objects nested more than " + CanonicalJson.MAX_DEPTH + " deep",
          tokenStart(p));
    }
  }

  /**
   * Every number becomes the double nearest to it (I-JSON, RFC 7493 section 2.2), and the tree
   * holds integral values of magnitude up to 2^53 as longs so that callers read small integers
   * directly. The canonical output depends only on the double.
   */
  private JsonNode number(JsonParser p, JsonToken token) throws JsonParseException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        long v = p.getLongValue();
        if (-MAX_EXACT_LONG <= v && v <= MAX_EXACT_LONG) {
          return LongNode.valueOf(v);
        }
        // Beyond 2^53 the cast rounds to nearest, ties to even, as parsing the text would; the
        // result may still be 2^53 itself (from 9007199254740993).
        return exactOrDouble((double) v);
      }
    }
    String text = p.getString();
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      throw error(
          "number "
              + excerpt(text)
              + " is beyond the range of a double (largest 1.7976931348623157e+308)",
          tokenStart(p));
    }
    return exactOrDouble(d);
  }

  private static JsonNode exactOrDouble(double d) {
    if (Math.abs(d) <= MAX_EXACT_DOUBLE && d == Math.rint(d)) {
      return LongNode.valueOf((long) d); // -0 becomes 0, which is also how it is written
    }
    return DoubleNode.valueOf(d);
  }

  /**
   * Rejects unpaired surrogates. They can only come from {@code \}{@code u} escapes (the encoding
   * check rejects encoded ones), so the position reported is that escape's.
   */
  private void checkSurrogates(String s, JsonParser p) throws JsonParseException {
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
      throw surrogateError(Character.isHighSurrogate(c), escapeOffset(tokenStart(p), i));
    }
  }

  /**
   * Start of the escape Jackson means when it reports a broken surrogate pair in a key, pointing
   * just past what it read after that escape (one character, or one more escape, short like {@code
   * \t} or long): the first high surrogate escape in the 18 bytes before {@code at} that no low
   * surrogate escape follows, or the first low surrogate escape that no high one precedes. {@code
   * at} if there is none, which would be a change in Jackson's reporting.
   */
  private long surrogateEscapeBefore(long at, boolean high) {
    int end = (int) Math.min(at, in.length);
    for (int i = Math.max(0, end - 18); i <= end - 6; i++) {
      int unit = escapedUnit(i);
      if (high && unit >= 0 && Character.isHighSurrogate((char) unit)) {
        if (!Character.isLowSurrogate((char) escapedUnit(i + 6))) {
          return i;
        }
      } else if (!high && unit >= 0 && Character.isLowSurrogate((char) unit)) {
        if (i < 6 || !Character.isHighSurrogate((char) escapedUnit(i - 6))) {
          return i;
        }
      }
    }
    return at;
  }

  /** The UTF-16 unit of the {@code \}{@code u} escape at {@code i}, or -1 if there is none. */
  private int escapedUnit(int i) {
    if (i < 0 || i > in.length - 6 || in[i] != '\\' || in[i + 1] != 'u') {
      return -1;
    }
    int v = 0;
    for (int j = i + 2; j < i + 6; j++) {
      int d = Character.digit(in[j], 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  /**
   * The error for the unpaired surrogate escape at {@code at}: six bytes, a backslash, u, 4 hex.
   */
  private JsonParseException surrogateError(boolean high, long at) {
    if (at < 0 || at > in.length - 6) {
      return error(
          high
              ? "escaped high surrogate is not followed by a low surrogate"
              : "escaped low surrogate does not follow a high surrogate",
          Math.max(0, Math.min(at, in.length)));
    }
    String escape = new String(in, (int) at, 6, java.nio.charset.StandardCharsets.US_ASCII);
    return error(
        high
            ? "escaped high surrogate " + escape + " is not followed by a low surrogate"
            : "escaped low surrogate " + escape + " does not follow a high surrogate",
        at);
  }

  /** Byte offset of the UTF-16 unit {@code index} of the string whose quote is at {@code quote}. */
  private long escapeOffset(long quote, int index) {
    int pos = (int) quote + 1;
    int unit = 0;
    while (true) {
      int b = in[pos] & 0xFF;
      int bytes;
      int units = 1;
      if (b == '\\') {
        bytes = in[pos + 1] == 'u' ? 6 : 2;
      } else if (b < 0x80) {
        bytes = 1;
      } else if (b < 0xE0) {
        bytes = 2;
      } else if (b < 0xF0) {
        bytes = 3;
      } else {
        bytes = 4;
        units = 2;
      }
      if (unit == index) {
        return pos;
      }
      unit += units;
      pos += bytes;
    }
  }

  private static long tokenStart(JsonParser p) {
    return p.currentTokenLocation().getByteOffset();
  }

  // ---- The encoding pass ----

  /**
   * Checks that the input is UTF-8 (RFC 3629: shortest form, no surrogates, nothing above
   * U+10FFFF), has no byte order mark, and has no raw control character other than tab, LF and CR
   * (which the parser rejects inside strings). The loop does as little as possible for ASCII, which
   * is almost all of a statement.
   */
  private void checkEncoding() throws JsonParseException {
    int n = in.length;
    if (n >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
      throw error("byte order mark (EF BB BF) is not allowed", 0);
    }
    int i = 0;
    while (i < n) {
      // Eight bytes at a time while all are printable ASCII: no byte has its top bit set, and
      // subtracting 0x20 from each borrows from none (a borrow sets the top bit of that byte).
      while (i <= n - 8) {
        long w = (long) LONGS.get(in, i);
        if (((w | (w - 0x2020202020202020L)) & 0x8080808080808080L) != 0) {
          break;
        }
        i += 8;
      }
      if (i >= n) {
        break;
      }
      int b = in[i];
      if (b >= 0x20) {
        i++;
      } else if (b < 0) {
        i = checkSequence(i);
      } else if (b == '\n' || b == '\r' || b == '\t') {
        i++;
      } else {
        throw controlCharacterError(i);
      }
    }
  }

  /** The error for a raw control character at {@code at}, worded for where it is. */
  private JsonParseException controlCharacterError(int at) {
    // Only on this error path is it worth knowing whether we are inside a string.
    boolean inString = false;
    for (int i = 0; i < at; i++) {
      if (in[i] == '"') {
        inString = !inString;
      } else if (in[i] == '\\' && inString) {
        i++; // an escaped character, quote or backslash included, neither ends nor escapes
      }
    }
    String cp = codePoint(in[at]);
    return inString
        ? error("control character " + cp + " must be escaped in a string", at)
        : error("unexpected control character " + cp, at);
  }

  /** Checks the multi-byte sequence starting at {@code i}; returns the index after it. */
  private int checkSequence(int i) throws JsonParseException {
    int lead = in[i] & 0xFF;
    int length;
    int cp;
    if (lead < 0xC0) {
      throw error(
          "invalid UTF-8: byte " + hexByte(lead) + " is a continuation byte with no lead byte", i);
    } else if (lead < 0xE0) {
      length = 2;
      cp = lead & 0x1F;
    } else if (lead < 0xF0) {
      length = 3;
      cp = lead & 0x0F;
    } else if (lead < 0xF5) {
      length = 4;
      cp = lead & 0x07;
    } else {
      throw error("invalid UTF-8: byte " + hexByte(lead) + " never occurs in UTF-8", i);
    }
    for (int j = 1; j < length; j++) {
      if (i + j >= in.length) {
        throw error(
            "invalid UTF-8: "
                + hexBytes(i, j)
                + " starts a "
                + length
                + "-byte sequence but the input ends",
            i);
      }
      int b = in[i + j] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        throw error(
            "invalid UTF-8: "
                + hexBytes(i, j)
                + " starts a "
                + length
                + "-byte sequence but is followed by "
                + hexByte(b)
                + ", which is not a continuation byte",
            i);
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    int min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (cp < min) {
      throw error(
          "invalid UTF-8: " + hexBytes(i, length) + " is an overlong encoding of " + codePoint(cp),
          i);
    }
    if (Character.MIN_SURROGATE <= cp && cp <= Character.MAX_SURROGATE) {
      throw error(
          "invalid UTF-8: "
              + hexBytes(i, length)
              + " encodes the surrogate "
              + codePoint(cp)
              + ", which is not a character",
          i);
    }
    if (cp > Character.MAX_CODE_POINT) {
      throw error(
          "invalid UTF-8: "
              + hexBytes(i, length)
              + " encodes "
              + codePoint(cp)
              + ", above U+10FFFF",
          i);
    }
    return i + length;
  }

  private static boolean isWhiteSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  // ---- Jackson's errors, in our words and at our positions ----

  private static final Pattern UNEXPECTED_CHAR =
      Pattern.compile(
          "^Unexpected character \\((?:'.*?'|\\(CTRL-CHAR)[^)]*?code (\\d+)[^)]*\\)\\)");
  private static final Pattern NON_STANDARD_TOKEN =
      Pattern.compile("^Non-standard token '([^']*)'");
  private static final Pattern UNRECOGNIZED_TOKEN =
      Pattern.compile("^Unrecognized token '((?:[^']|'(?!:))*)'");
  private static final Pattern UNQUOTED_CONTROL =
      Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  private static final Pattern BAD_ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");

  /**
   * Rewords the parser's grammar errors. The wording of every case the tests exercise is fixed
   * there, so a Jackson upgrade that changes its messages shows up as a failing test, not as a
   * silently different message; anything not recognised keeps Jackson's own words.
   */
  private JsonParseException translate(JacksonException e) {
    String m = e.getOriginalMessage();
    TokenStreamLocation loc = e.getLocation();
    long at = loc == null || loc.getByteOffset() < 0 ? in.length : loc.getByteOffset();
    // After a non-ASCII character Jackson may point inside it: point at its first byte.
    while (at > 0 && at < in.length && (in[(int) at] & 0xC0) == 0x80) {
      at--;
    }
    Matcher x;
    if ((x = NON_STANDARD_TOKEN.matcher(m)).find()) {
      // Jackson points after the token; point at its start.
      String token = x.group(1);
      return error(
          token + " is not a JSON value (JSON has no NaN or Infinity)", at - token.length());
    }
    if ((x = UNRECOGNIZED_TOKEN.matcher(m)).find()) {
      return error("unrecognized token '" + excerpt(x.group(1)) + "', expected a JSON value", at);
    }
    if ((x = BAD_ESCAPE.matcher(m)).find()) {
      return error("invalid escape \\" + x.group(1) + " in a string", at - 1);
    }
    if (m.startsWith("Invalid numeric value: Leading zeroes not allowed")) {
      return error("leading zeros are not allowed in a number", numberStart(at));
    }
    // Jackson checks surrogates in keys itself, and points just past what it read after the
    // escape at fault: a character, a \\u escape or a short escape such as \\t.
    if (m.startsWith("Broken surrogate pair in property name")) {
      return surrogateError(true, surrogateEscapeBefore(at, true));
    }
    if (m.startsWith("Unexpected low surrogate in property name")) {
      return surrogateError(false, surrogateEscapeBefore(at, false));
    }
    if (m.startsWith("Number value length")) {
      return error(
          "number longer than "
              + FACTORY.streamReadConstraints().getMaxNumberLength()
              + " characters",
          numberStart(lastNumberByteBefore(at)));
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return error("unexpected end of input " + endContext(m), at);
    }
    if ((x = UNEXPECTED_CHAR.matcher(m)).find()) {
      String what = "unexpected " + describeChar(Integer.parseInt(x.group(1)));
      String rest = m.substring(x.end());
      if (rest.contains("plus signs")) {
        return error("a number cannot start with '+'", numberStart(at));
      }
      if (rest.contains("Decimal point not followed by a digit")) {
        return error(what + " in a number: a decimal point must be followed by a digit", at);
      }
      if (rest.contains("Exponent indicator not followed by a digit")) {
        return error(what + " in a number: an exponent must have a digit", at);
      }
      if (rest.contains("to follow minus sign")) {
        return error(what + " in a number: a minus sign must be followed by a digit", at);
      }
      if (rest.contains("comma to separate Array entries")) {
        return error(what + ", expected ',' or ']'", at);
      }
      if (rest.contains("comma to separate Object entries")) {
        return error(what + ", expected ',' or '}'", at);
      }
      if (rest.contains("double-quote to start property name")) {
        return error(what + ", expected a key in double quotes", at);
      }
      if (rest.contains("colon to separate property name and value")) {
        return error(what + ", expected ':'", at);
      }
      if (rest.contains("hex-digit for character escape")) {
        return error(what + " in a \\u escape, expected a hex digit", at);
      }
      if (rest.contains("space separating root-level values")) {
        return error(what + " after the JSON value", at);
      }
      if (rest.contains("maybe a (non-standard) comment")) {
        return error(what + ": JSON has no comments", at);
      }
      if (rest.contains("expected a value") || rest.contains("expected a valid value")) {
        return error(what + ", expected a JSON value", at);
      }
      return error(what + rest, at);
    }
    if ((x = UNQUOTED_CONTROL.matcher(m)).find()) {
      return error(
          "control character "
              + codePoint(Integer.parseInt(x.group(1)))
              + " must be escaped in a string",
          at);
    }
    if (m.startsWith("Unexpected close marker")) {
      return error("unexpected " + describeByteAt((int) at) + " with nothing open to close", at);
    }
    return error(lowerFirst(m.replaceAll(", from `[^`]*`", "")), at);
  }

  private static String endContext(String m) {
    if (m.contains("Object")) {
      return "inside an object";
    }
    if (m.contains("Array")) {
      return "inside an array";
    }
    if (m.contains("escape")) {
      return "inside an escape sequence";
    }
    if (m.contains("VALUE_STRING")) {
      return "inside a string";
    }
    if (m.contains("name")) {
      return "inside a key";
    }
    return "inside the JSON value";
  }

  /** Just past the last number character before {@code at}: Jackson may have read beyond it. */
  private long lastNumberByteBefore(long at) {
    int i = (int) Math.min(at, in.length);
    while (i > 0 && "0123456789+-.eE".indexOf(in[i - 1]) < 0) {
      i--;
    }
    return i;
  }

  /** Start of the number whose text ends just before {@code at}. */
  private long numberStart(long at) {
    int i = (int) Math.min(at, in.length);
    while (i > 0 && "0123456789+-.eE".indexOf(in[i - 1]) >= 0) {
      i--;
    }
    return i;
  }

  // ---- Positions and wording ----

  private JsonParseException error(String problem, long at) {
    long line = 1;
    int lineStart = 0;
    int end = (int) Math.min(at, in.length);
    for (int i = 0; i < end; i++) {
      if (in[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    long column = 1;
    for (int i = lineStart; i < end; i++) {
      if ((in[i] & 0xC0) != 0x80) {
        column++; // count code points: every byte but UTF-8 continuation bytes
      }
    }
    return new JsonParseException(problem, at, line, column);
  }

  private String describeByteAt(int i) {
    int b = in[i] & 0xFF;
    if (b < 0x80) {
      return describeChar(b);
    }
    return "character "
        + codePoint(new String(in, i, Math.min(4, in.length - i), UTF8).codePointAt(0));
  }

  private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  private static String describeChar(int c) {
    if (c == '\'') {
      return "character \"'\"";
    }
    if (c > 0x20 && c < 0x7F) {
      return "character '" + (char) c + "'";
    }
    return "character " + codePoint(c);
  }

  private static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  private static String hexByte(int b) {
    return String.format(Locale.ROOT, "0x%02X", b);
  }

  private String hexBytes(int from, int count) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < count; j++) {
      if (j > 0) {
        sb.append(' ');
      }
      sb.append(String.format(Locale.ROOT, "%02X", in[from + j] & 0xFF));
    }
    return sb.toString();
  }

  /** A key or token for a message: JSON-quoted, control characters escaped, long ones cut. */
  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    String cut = excerpt(s);
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String excerpt(String s) {
    if (s.length() <= 40) {
      return s;
    }
    int cut = Character.isHighSurrogate(s.charAt(36)) ? 36 : 37; // never split a pair
    return s.substring(0, cut) + "...";
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
