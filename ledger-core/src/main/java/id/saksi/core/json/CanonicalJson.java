package id.saksi.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * Strict JSON reading and RFC 8785 (JCS) canonical writing: the bytes this ledger hashes and signs.
 *
 * <h2>What is produced</h2>
 *
 * The canonical form of a JSON value is its UTF-8 encoding with no white space; object members
 * sorted by key, compared as sequences of UTF-16 code units; strings with only {@code \"}, {@code
 * \\}, {@code \b}, {@code \t}, {@code \n}, {@code \f}, {@code \r} as short escapes, the other
 * characters below U+0020 as {@code \}{@code u00xx} (lower-case hex) and everything else as itself;
 * numbers as ECMAScript's Number::toString spells the double they denote ({@link #formatNumber});
 * {@code true}, {@code false}, {@code null} as such.
 *
 * <h2>What is accepted</h2>
 *
 * {@link #parse} takes one JSON value (RFC 8259) in UTF-8 and rejects, with a {@link
 * JsonParseException} naming line, column and byte: invalid UTF-8 (overlong forms, encoded
 * surrogates, code points above U+10FFFF, truncated sequences), a byte order mark, raw control
 * characters, duplicate keys, escaped surrogates that do not form a pair, NaN, Infinity, leading
 * zeros, a leading '+', comments, single quotes, trailing commas and any other extension, numbers
 * beyond the range of a double, anything but white space after the value, and arrays and objects
 * nested more than {@value #MAX_DEPTH} deep. Jackson's default size limits also apply: a number of
 * more than 1,000 characters, a string of more than 20,000,000 characters or a key of more than
 * 50,000 is rejected. Encoding errors are reported before grammar errors that precede them.
 *
 * <h2>Numbers in trees</h2>
 *
 * A parsed number becomes the double nearest to it, as in ECMAScript and I-JSON (RFC 7493): {@code
 * 9007199254740993} is read as 9007199254740992, {@code 1e-400} as 0. A number whose double is an
 * integer of magnitude at most 2^53 is held as a {@code LongNode} (so {@code 1}, {@code 1.0},
 * {@code 1e0} and {@code -0} all read as a long, {@code -0} as 0), and any other as a {@code
 * DoubleNode}. Trees built in code may hold any numeric node; each is written as the double nearest
 * to it. Either way the canonical output depends only on the double.
 *
 * <h2>Why Jackson and not the RFC authors' library</h2>
 *
 * io.github.erdtman:java-json-canonicalization (1.1) was tried on the inputs this class rejects: it
 * replaces invalid UTF-8 and lone surrogates with U+FFFD and '?' instead of failing, accepts
 * leading zeros ({@code 01} becomes {@code 1}), reports errors without positions as plain
 * IOExceptions, accepts only an object or array at the top, and returns a String, so a caller that
 * also needs the values would parse twice. For a ledger, silently altered input is the one thing
 * canonicalization must not do. Jackson's streaming parser, already here through jackson-databind,
 * gives a well-tested tokenizer with byte positions and a tree type the rest of the code uses; what
 * it lacks for this purpose is added in this package and tested: it decodes overlong UTF-8 and code
 * points above U+10FFFF, accepts escaped lone surrogates and several values in a row, and cannot
 * bound number range; its duplicate-key check points past the key, so ours is used. The canonical
 * writer and the number formatter are this package's own (see {@link EcmaNumber} for why not the
 * JDK's {@code Double.toString}).
 */
public final class CanonicalJson {
  /**
   * Deepest nesting of arrays and objects accepted; a top-level array or object is depth 1. It
   * bounds the reader's and writer's recursion; ledger statements need a handful of levels.
   */
  public static final int MAX_DEPTH = 64;

  private static final int WRITER_SLACK = 128;

  private static final int EXCERPT_BEFORE = 12;
  private static final int EXCERPT_AFTER = 24;

  private CanonicalJson() {}

  /**
   * Reads exactly one strict JSON value from UTF-8 bytes.
   *
   * @throws JsonParseException if the bytes are not such a value; the message names what was wrong
   *     and where
   */
  public static JsonNode parse(byte[] utf8) throws JsonParseException {
    return StrictJsonReader.read(utf8);
  }

  /**
   * Returns the canonical form of the JSON value in {@code json}.
   *
   * @throws JsonParseException as {@link #parse} does
   */
  public static byte[] canonicalize(byte[] json) throws JsonParseException {
    return CanonicalWriter.write(StrictJsonReader.read(json), json.length);
  }

  /**
   * Returns the canonical form of a tree, typically one built in code.
   *
   * @throws IllegalArgumentException if the tree holds what JSON cannot express: a NaN or infinite
   *     number (also a big number beyond the double range), a string with a lone surrogate, a
   *     binary, POJO or missing node, or nesting deeper than {@value #MAX_DEPTH}. These are bugs in
   *     the code that built the tree, not bad input.
   */
  public static byte[] canonicalize(JsonNode tree) {
    return CanonicalWriter.write(tree, 256);
  }

  /**
   * Checks that {@code json} is exactly its own canonical form, byte for byte (no trailing
   * newline).
   *
   * @throws JsonParseException if {@code json} is not strict JSON at all
   * @throws NotCanonicalException if it is, but its bytes differ from its canonical form; the
   *     exception gives the offset of the first difference and an excerpt of each side
   */
  public static void requireCanonical(byte[] json)
      throws JsonParseException, NotCanonicalException {
    readCanonical(json);
  }

  /**
   * Reads one strict JSON value that must be exactly its own canonical form, as {@link
   * #requireCanonical} checks, with one reading of the bytes.
   *
   * @throws JsonParseException if {@code json} is not strict JSON at all
   * @throws NotCanonicalException if it is, but its bytes differ from its canonical form
   */
  public static CanonicalDocument readCanonical(byte[] json)
      throws JsonParseException, NotCanonicalException {
    JsonNode tree = StrictJsonReader.read(json);
    // Room for the input and what the writer reserves beyond the bytes it then writes (at most
    // 3 bytes a char of a short string and an escape's 6): canonical input never regrows it.
    CanonicalWriter w = CanonicalWriter.writeLocatingMembers(tree, json.length + WRITER_SLACK);
    int at = Arrays.mismatch(w.buffer(), 0, w.length(), json, 0, json.length);
    if (at >= 0) {
      byte[] canonical = Arrays.copyOf(w.buffer(), w.length());
      throw new NotCanonicalException(at, excerpt(canonical, at), excerpt(json, at));
    }
    return new CanonicalDocument(json, tree, w);
  }

  /**
   * Spells a double as ECMAScript's Number::toString does, as RFC 8785 section 3.2.2.3 requires:
   * the shortest decimal that reads back as {@code v}, the closest to {@code v} among equally short
   * ones (the even one on a tie); integers below 10^21 in plain digits ({@code 1e21} is written
   * {@code 1e+21}), fractions down to {@code 0.000001} plainly and smaller ones with an exponent
   * ({@code 1e-7}); {@code -0} as {@code 0}.
   *
   * @throws IllegalArgumentException if {@code v} is NaN or infinite
   */
  public static String formatNumber(double v) {
    return EcmaNumber.toString(v);
  }

  /** A few bytes on each side of {@code at}, cut at character boundaries, shown as text. */
  private static String excerpt(byte[] b, int at) {
    int from = Math.max(0, at - EXCERPT_BEFORE);
    while (from > 0 && (b[from] & 0xC0) == 0x80) {
      from--;
    }
    int to = Math.min(b.length, at + EXCERPT_AFTER);
    while (to < b.length && (b[to] & 0xC0) == 0x80) {
      to++;
    }
    String text = new String(b, from, to - from, UTF_8);
    StringBuilder sb = new StringBuilder();
    if (from > 0) {
      sb.append("...");
    }
    sb.append('`');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('`');
    sb.append(to < b.length ? "..." : "(end)");
    return sb.toString();
  }
}
