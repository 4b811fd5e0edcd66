package id.saksi.core.json;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random documents, written in random non-canonical styles, against a reference canonicalizer
 * written here from RFC 8785 with different means (UTF-16BE byte comparison for key order, the
 * JDK's UTF-8 encoder, {@link ReferenceNumber} for numbers).
 */
class CanonicalJsonRandomTest {
  private static final int DOCUMENTS = 3000;

  @Test
  void canonicalize_randomDocuments_matchReferenceAndAreStable() throws Exception {
    SplittableRandom random = new SplittableRandom(0x5a4b5331L);
    for (int d = 0; d < DOCUMENTS; d++) {
      Object model = value(random, 0);
      byte[] text = write(random, model).getBytes(UTF_8);
      byte[] expected = reference(model).getBytes(UTF_8);
      String context = "document " + d + ": " + new String(text, UTF_8);

      byte[] canonical = CanonicalJson.canonicalize(text);

      assertThat(new String(canonical, UTF_8)).as(context).isEqualTo(new String(expected, UTF_8));
      assertThat(canonical).as(context).isEqualTo(expected);
      assertThat(CanonicalJson.canonicalize(canonical)).as(context).isEqualTo(canonical);
      assertThat(CanonicalJson.parse(canonical)).as(context).isEqualTo(CanonicalJson.parse(text));
      assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(text)))
          .as(context)
          .isEqualTo(canonical);
      CanonicalJson.requireCanonical(canonical);
      int mismatch = Arrays.mismatch(canonical, text);
      if (mismatch >= 0) {
        assertThatThrownBy(() -> CanonicalJson.requireCanonical(text))
            .as(context)
            .isInstanceOfSatisfying(
                NotCanonicalException.class, e -> assertThat(e.byteOffset()).isEqualTo(mismatch));
      }
    }
  }

  /**
   * What lets the verifier check a statement's signature over its bytes inside the entry: in a
   * canonical document, each top-level member's value is spelled exactly as the value alone is in
   * canonical form, here against the reference canonicalizer.
   */
  @Test
  void readCanonical_memberBytes_areTheCanonicalFormOfEachMemberAlone() throws Exception {
    SplittableRandom random = new SplittableRandom(0x6d656d62L);
    for (int d = 0; d < DOCUMENTS; d++) {
      Map<String, Object> model = new LinkedHashMap<>();
      for (int i = random.nextInt(7); i > 0; i--) {
        model.put(string(random), value(random, 1));
      }
      byte[] canonical = reference(model).getBytes(UTF_8);
      String context = "document " + d + ": " + new String(canonical, UTF_8);

      CanonicalDocument doc = CanonicalJson.readCanonical(canonical);

      assertThat(doc.tree()).as(context).isEqualTo(CanonicalJson.parse(canonical));
      for (Map.Entry<String, Object> member : model.entrySet()) {
        byte[] expected = reference(member.getValue()).getBytes(UTF_8);
        assertThat(doc.memberBytes(member.getKey())).as(context).isEqualTo(expected);
        assertThat(doc.memberBytes(member.getKey()))
            .as(context)
            .isEqualTo(CanonicalJson.canonicalize(doc.tree().get(member.getKey())));
      }
    }
  }

  // ---- The model: Map, List, String, Double, Boolean, null ----

  private static Object value(SplittableRandom r, int depth) {
    int kind = r.nextInt(depth >= 4 ? 4 : 6);
    switch (kind) {
      case 0:
        return string(r);
      case 1:
        return number(r);
      case 2:
        return r.nextBoolean();
      case 3:
        return r.nextInt(3) == 0 ? null : string(r);
      case 4:
        List<Object> list = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          list.add(value(r, depth + 1));
        }
        return list;
      default:
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = r.nextInt(7); i > 0; i--) {
          map.put(string(r), value(r, depth + 1));
        }
        return map;
    }
  }

  private static final String[] POOLS = {
    "abcxyzABCXYZ0123456789 _-.:",
    "\u0000\u0001\u0008\u0009\n\u000b\u000c\r\u001f\"\\/\u007f",
    "\u00e9\u00f6\u0080\u009f\u00a0\u20ac\u2028\u2029\ufb33\ufeff\uffff\ufffd",
    "\ud83d\ude00\ud800\udc00\udbff\udfff", // three pairs: pick an even index and take two
  };

  private static String string(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    // mostly short, like keys; sometimes long enough for the writer's other path
    for (int i = r.nextInt(r.nextInt(6) == 0 ? 90 : 9); i > 0; i--) {
      int pool = r.nextInt(POOLS.length + 1);
      if (pool == POOLS.length) {
        int c = r.nextInt(0x20, 0x30000);
        if (Character.isSurrogate((char) c) && c < 0x10000) {
          continue;
        }
        sb.appendCodePoint(c);
      } else if (pool == 3) {
        int at = 2 * r.nextInt(3);
        sb.append(POOLS[3], at, at + 2);
      } else {
        sb.append(POOLS[pool].charAt(r.nextInt(POOLS[pool].length())));
      }
    }
    return sb.toString();
  }

  private static final double[] EDGES = {
    0.0,
    -0.0,
    1,
    -1,
    0.1,
    1e21,
    1e-7,
    1e-6,
    9.999999999999999e20,
    0x1p53,
    0x1p53 + 2,
    -0x1p53,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.MIN_VALUE,
    Double.MIN_NORMAL,
    1e23,
    5e-324,
    0.5
  };

  private static Double number(SplittableRandom r) {
    switch (r.nextInt(5)) {
      case 0:
        return (double) r.nextInt(-1000, 1000);
      case 1:
        double v = Double.longBitsToDouble(r.nextLong());
        return Double.isFinite(v) ? v : 0.25;
      case 2:
        return Double.parseDouble(r.nextInt(1, 100_000) + "e" + r.nextInt(-30, 30));
      case 3:
        return (double) r.nextLong(-(1L << 60), 1L << 60);
      default:
        return EDGES[r.nextInt(EDGES.length)];
    }
  }

  // ---- A random, valid, non-canonical spelling of the model ----

  private static final String[] SPACE = {"", "", "", " ", "\t", "\n", "\r\n", "  "};

  private static String write(SplittableRandom r, Object v) {
    StringBuilder sb = new StringBuilder();
    sb.append(SPACE[r.nextInt(SPACE.length)]);
    writeValue(r, v, sb);
    sb.append(SPACE[r.nextInt(SPACE.length)]);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void writeValue(SplittableRandom r, Object v, StringBuilder sb) {
    String ws = SPACE[r.nextInt(SPACE.length)];
    if (v instanceof Map) {
      List<Map.Entry<String, Object>> entries =
          new ArrayList<>(((Map<String, Object>) v).entrySet());
      Collections.shuffle(entries, new java.util.Random(r.nextLong()));
      sb.append('{').append(ws);
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          sb.append(ws).append(',').append(ws);
        }
        writeString(r, entries.get(i).getKey(), sb);
        sb.append(ws).append(':').append(ws);
        writeValue(r, entries.get(i).getValue(), sb);
      }
      sb.append(ws).append('}');
    } else if (v instanceof List) {
      List<Object> list = (List<Object>) v;
      sb.append('[').append(ws);
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(ws).append(',').append(ws);
        }
        writeValue(r, list.get(i), sb);
      }
      sb.append(ws).append(']');
    } else if (v instanceof String) {
      writeString(r, (String) v, sb);
    } else if (v instanceof Double) {
      sb.append(spellNumber(r, (Double) v));
    } else {
      sb.append(v); // true, false, null
    }
  }

  private static void writeString(SplittableRandom r, String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
      if (Character.isHighSurrogate(c)) {
        // a pair is written whole: both halves literal, or both escaped
        char low = s.charAt(++i);
        if (r.nextBoolean()) {
          sb.append(c).append(low);
        } else {
          sb.append(String.format(Locale.ROOT, "\\u%04x\\u%04X", (int) c, (int) low));
        }
      } else if (!mustEscape && r.nextInt(4) != 0) {
        sb.append(c);
      } else if (c == '/' && r.nextBoolean()) {
        sb.append("\\/");
      } else if ("\"\\\b\f\n\r\t".indexOf(c) >= 0 && r.nextBoolean()) {
        sb.append('\\').append("\"\\bfnrt".charAt("\"\\\b\f\n\r\t".indexOf(c)));
      } else {
        String hex = String.format(Locale.ROOT, "%04x", (int) c);
        sb.append("\\u").append(r.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
      }
    }
    sb.append('"');
  }

  /** Some spelling that reads back as exactly {@code v}. */
  private static String spellNumber(SplittableRandom r, double v) {
    switch (r.nextInt(6)) {
      case 0:
        return new BigDecimal(v).toString(); // the exact value, maybe with E+n
      case 1:
        return Double.toString(v); // Java's spelling: 1.0E-5, -0.0
      case 2:
        return Double.toString(v).replace("E", "e+").replace("+-", "-");
      case 3:
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
          return (long) v + (r.nextBoolean() ? ".0" : "e0");
        }
        return CanonicalJson.formatNumber(v);
      case 4:
        return new BigDecimal(v).round(new java.math.MathContext(17)).toString();
      default:
        return CanonicalJson.formatNumber(v);
    }
  }

  // ---- The reference canonicalizer ----

  @SuppressWarnings("unchecked")
  private static String reference(Object v) {
    if (v instanceof Map) {
      List<String> keys = new ArrayList<>(((Map<String, Object>) v).keySet());
      keys.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_16BE), b.getBytes(UTF_16BE)));
      StringBuilder sb = new StringBuilder("{");
      for (String k : keys) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(referenceString(k)).append(':').append(reference(((Map<?, ?>) v).get(k)));
      }
      return sb.append('}').toString();
    }
    if (v instanceof List) {
      StringBuilder sb = new StringBuilder("[");
      for (Object e : (List<Object>) v) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(reference(e));
      }
      return sb.append(']').toString();
    }
    if (v instanceof String) {
      return referenceString((String) v);
    }
    if (v instanceof Double) {
      double d = (Double) v;
      String hint = CanonicalJson.formatNumber(d);
      return ReferenceNumber.format(d, ReferenceNumber.significantDigits(hint) - 1);
    }
    return String.valueOf(v);
  }

  /** RFC 8785 section 3.2.2.2, item by item. */
  private static String referenceString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case 0x08:
                  sb.append("\\b");
                  break;
                case 0x09:
                  sb.append("\\t");
                  break;
                case 0x0a:
                  sb.append("\\n");
                  break;
                case 0x0c:
                  sb.append("\\f");
                  break;
                case 0x0d:
                  sb.append("\\r");
                  break;
                case 0x22:
                  sb.append("\\\"");
                  break;
                case 0x5c:
                  sb.append("\\\\");
                  break;
                default:
                  if (cp < 0x20) {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
                  } else {
                    sb.appendCodePoint(cp);
                  }
              }
            });
    return sb.append('"').toString();
  }
}
