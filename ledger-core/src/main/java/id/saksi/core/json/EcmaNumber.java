package id.saksi.core.json;

import java.math.BigInteger;

/**
 * Spells a finite double the way ECMAScript's Number::toString does, as RFC 8785 section 3.2.2.3
 * requires: the shortest decimal that reads back as the same double, the closest such decimal to
 * the exact value when several are equally short, and the even one on a tie.
 *
 * <p>The digits come from the Schubfach method (R. Giulietti, "The Schubfach way to render
 * doubles", 2020), implemented here from the paper. The JDK's own {@code Double.toString} is not
 * usable: before JDK 19 it sometimes returns more digits than needed (JDK-4511638), and from JDK 19
 * on it follows Java's rule of at least two digits ({@code 4.9E-324}, where ECMAScript says {@code
 * 5e-324}). Jackson's copy of Schubfach lives in a package its module does not export, and follows
 * the same Java rule.
 *
 * <p>The method, in brief. A positive double is {@code v = c 2^q}. Every decimal in the rounding
 * interval {@code R} around {@code v} (half-way to each neighbour, closed when {@code c} is even,
 * because ties round to even) reads back as {@code v}. Choose {@code k} so that {@code R}, scaled
 * by {@code 10^-k}, is between 1 and 10 wide: it then holds at most one multiple of 10, and if it
 * holds one that is the unique shortest answer; otherwise the answer is whichever of {@code floor(v
 * 10^-k)} and the next integer lies in {@code R}, the closer one if both do. The only real work is
 * to compute the scaled bounds exactly enough to compare them with integers; a 126-bit
 * over-approximation of {@code 10^-k} and rounding to odd do that, as the paper proves.
 */
final class EcmaNumber {
  /** Longest output: a sign, "0.", five zeros and 17 digits, or a sign, 17 digits, ".", "e-324". */
  static final int MAX_CHARS = 26;

  private static final int P = 53; // precision of a double, hidden bit included
  private static final int Q_MIN = -1074; // exponent of the smallest subnormal, 2^-1074
  private static final long C_MIN = 1L << (P - 1); // smallest normal significand
  private static final long MASK_63 = (1L << 63) - 1;

  // 10^-k is needed for k from floor(log10(3/4 2^Q_MIN)) to floor(log10(2^Q_MAX)).
  private static final int K_MIN = -324;
  private static final int K_MAX = 292;

  // For e = -k: g(e) = floor(10^e / 2^r) + 1 with r = floor(log2(10^e)) - 125, so that
  // 2^125 < g <= 2^126; stored as g = G_HI 2^63 + G_LO with G_LO < 2^63.
  private static final long[] G_HI = new long[K_MAX - K_MIN + 1];
  private static final long[] G_LO = new long[K_MAX - K_MIN + 1];
  // floor(log2(10^e)) for the same e, exact.
  private static final int[] FLOOR_LOG2_POW10 = new int[K_MAX - K_MIN + 1];

  static {
    // Computed rather than tabulated: a few hundred BigInteger operations once per JVM, and no
    // 1,200-line table to trust. EcmaNumberTest checks the bounds the method relies on.
    BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
    for (int k = K_MIN; k <= K_MAX; k++) {
      int e = -k;
      BigInteger pow = BigInteger.TEN.pow(Math.abs(e));
      int floorLog2;
      BigInteger g;
      if (e >= 0) {
        floorLog2 = pow.bitLength() - 1;
        int r = floorLog2 - 125;
        g = (r >= 0 ? pow.shiftRight(r) : pow.shiftLeft(-r)).add(BigInteger.ONE);
      } else {
        // 10^e = 1 / 10^-e is never a power of two, so floor(log2) = -bitLength(10^-e).
        floorLog2 = -pow.bitLength();
        int r = floorLog2 - 125;
        g = BigInteger.ONE.shiftLeft(-r).divide(pow).add(BigInteger.ONE);
      }
      int i = k - K_MIN;
      FLOOR_LOG2_POW10[i] = floorLog2;
      G_HI[i] = g.shiftRight(63).longValueExact();
      G_LO[i] = g.and(mask63).longValueExact();
    }
  }

  private EcmaNumber() {}

  /** Returns the ECMAScript spelling of {@code v}; see {@link CanonicalJson#formatNumber}. */
  static String toString(double v) {
    byte[] buf = new byte[MAX_CHARS];
    int end = write(v, buf, 0);
    return new String(buf, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Writes the ECMAScript spelling of {@code v} into {@code buf} at {@code pos}, which must have
   * {@link #MAX_CHARS} bytes free, and returns the position after it.
   *
   * @throws IllegalArgumentException if {@code v} is NaN or infinite: JSON cannot express them
   */
  static int write(double v, byte[] buf, int pos) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "JSON has no " + v + ": only finite numbers can be written");
    }
    if (v == 0) {
      buf[pos] = '0'; // -0 too: ECMAScript prints it as 0
      return pos + 1;
    }
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    // Integers below 2^53 are their own shortest decimal: the gap to the next double is at most 1.
    if (v < 0x1p53) {
      long l = (long) v;
      if (l == v) {
        return writeLong(l, buf, pos);
      }
    }
    long bits = Double.doubleToRawLongBits(v);
    int biasedExp = (int) (bits >>> (P - 1));
    long fraction = bits & (C_MIN - 1);
    if (biasedExp != 0) {
      return shortest(C_MIN | fraction, biasedExp + Q_MIN - 1, buf, pos);
    }
    return shortest(fraction, Q_MIN, buf, pos);
  }

  /** Writes a long exactly (for |v| below 2^53 this equals the ECMAScript spelling). */
  static int writeLong(long v, byte[] buf, int pos) {
    if (v < 0) {
      buf[pos++] = '-';
      v = -v; // callers pass |v| <= 2^53: no overflow
    }
    int len = digitCount(v);
    int end = pos + len;
    for (int i = end - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    }
    return end;
  }

  /** Finds the decimal for {@code c 2^q} (c > 0) and writes it. */
  private static int shortest(long c, int q, byte[] buf, int pos) {
    // The rounding interval, scaled by 4 so that its bounds are integers times 2^(q-2). At a power
    // of two (c == C_MIN) the neighbour below is half as far as the one above, except at the
    // smallest normal exponent where both gaps are the same.
    long cb = c << 2;
    long cbr = cb + 2;
    boolean symmetric = c != C_MIN || q == Q_MIN;
    long cbl = symmetric ? cb - 2 : cb - 1;
    int k = symmetric ? floorLog10Pow2(q) : floorLog10ThreeQuartersPow2(q);
    int i = k - K_MIN;
    int h = q + FLOOR_LOG2_POW10[i] + 2;
    long g1 = G_HI[i];
    long g0 = G_LO[i];

    // 4 v 10^-k and the scaled interval bounds, rounded to odd: exact enough to compare with any
    // multiple of 4 (that is, with 4 times an integer candidate).
    long vb = roundToOdd(g1, g0, cb << h);
    long vbl = roundToOdd(g1, g0, cbl << h);
    long vbr = roundToOdd(g1, g0, cbr << h);
    // The bounds belong to the interval only when c is even.
    long open = c & 1;

    long s = vb >> 2;
    long sp10 = s - s % 10;
    long tp10 = sp10 + 10;
    boolean sp10In = vbl + open <= sp10 << 2;
    boolean tp10In = (tp10 << 2) + open <= vbr;
    if (sp10In != tp10In) {
      return layout(sp10In ? sp10 : tp10, k, buf, pos);
    }
    long t = s + 1;
    boolean sIn = vbl + open <= s << 2;
    boolean tIn = (t << 2) + open <= vbr;
    if (sIn != tIn) {
      return layout(sIn ? s : t, k, buf, pos);
    }
    // Both are in: the closer to v wins, the even one on a tie.
    long cmp = vb - ((s + t) << 1);
    return layout(cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t, k, buf, pos);
  }

  /** floor(g cp / 2^127) with its lowest bit set when the division is inexact (round to odd). */
  private static long roundToOdd(long g1, long g0, long cp) {
    long x1 = Math.multiplyHigh(g0, cp);
    long y0 = g1 * cp;
    long y1 = Math.multiplyHigh(g1, cp);
    long z = (y0 >>> 1) + x1;
    long vbp = y1 + (z >>> 63);
    return vbp | (((z & MASK_63) + MASK_63) >>> 63);
  }

  /** floor(log10(2^q)) for |q| <= 5456721 (the constant is log10(2) 2^41, rounded down). */
  static int floorLog10Pow2(int q) {
    return (int) ((q * 661_971_961_083L) >> 41);
  }

  /** floor(log10(3/4 2^q)) for |q| <= 2^20; the offset is log10(3/4) 2^41, rounded down. */
  static int floorLog10ThreeQuartersPow2(int q) {
    return (int) ((q * 661_971_961_083L - 274_743_187_321L) >> 41);
  }

  /**
   * Writes {@code f 10^e} (f > 0) in ECMAScript's layout (ECMA-262, Number::toString, steps 5-12):
   * with n the position of the decimal point relative to the first of the k significant digits,
   * plain digits and zeros up to 21 integer digits, a plain fraction down to 0.000001, and
   * otherwise one digit, an optional fraction, "e", a sign and the exponent.
   */
  private static int layout(long f, int e, byte[] buf, int pos) {
    while (f % 10 == 0) {
      f /= 10;
      e++;
    }
    int k = digitCount(f);
    int n = e + k;
    if (k <= n && n <= 21) {
      pos = writeLong(f, buf, pos);
      for (int z = 0; z < n - k; z++) {
        buf[pos++] = '0';
      }
      return pos;
    }
    if (0 < n && n <= 21) {
      int end = writeLong(f, buf, pos + 1); // leaves a gap for the point
      for (int j = pos; j < pos + n; j++) {
        buf[j] = buf[j + 1];
      }
      buf[pos + n] = '.';
      return end;
    }
    if (-6 < n && n <= 0) {
      buf[pos++] = '0';
      buf[pos++] = '.';
      for (int z = 0; z < -n; z++) {
        buf[pos++] = '0';
      }
      return writeLong(f, buf, pos);
    }
    int end = writeLong(f, buf, pos + 1);
    buf[pos] = buf[pos + 1];
    if (k == 1) {
      end = pos + 1;
    } else {
      buf[pos + 1] = '.';
    }
    buf[end++] = 'e';
    int exp = n - 1;
    buf[end++] = (byte) (exp < 0 ? '-' : '+');
    return writeLong(Math.abs(exp), buf, end);
  }

  private static int digitCount(long v) {
    int n = 1;
    for (long p = 10; n < 19 && v >= p; p *= 10) {
      n++;
    }
    return n;
  }
}
