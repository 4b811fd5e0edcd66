package id.saksi.core.json;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8785 section 3.2.2.3: numbers are spelled as ECMAScript's Number::toString spells them. */
class EcmaNumberTest {

  static Stream<Arguments> appendixB() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (String line : resourceLines("/json/rfc8785/appendix-b-numbers.csv")) {
      String[] f = line.split(",", -1);
      rows.add(Arguments.of(f[0], f[1], f[2]));
    }
    assertThat(rows).hasSize(26); // the whole table, NaN and Infinity included
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {2} -> {1}")
  @MethodSource("appendixB")
  void formatNumber_rfc8785AppendixB(String hex, String expected, String label) {
    double v = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    if (expected.equals("error")) {
      assertThatThrownBy(() -> CanonicalJson.formatNumber(v))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("JSON has no " + v + ": only finite numbers can be written");
    } else {
      assertThat(CanonicalJson.formatNumber(v)).isEqualTo(expected);
    }
  }

  /** The cases issue 2 names, and the neighbours where ECMAScript's layout switches. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "999999999999999900000, 999999999999999900000",
    "1e-7, 1e-7",
    "1e-6, 0.000001",
    "0.000001, 0.000001",
    "0.0000012345, 0.0000012345",
    "1.2345e-7, 1.2345e-7",
    "-0, 0",
    "-0.0, 0",
    "0, 0",
    "5e-324, 5e-324",
    "4.9e-324, 5e-324",
    "1e-323, 1e-323",
    "9007199254740992, 9007199254740992",
    "9007199254740993, 9007199254740992",
    "9007199254740994, 9007199254740994",
    "9007199254740995, 9007199254740996",
    "18014398509481985, 18014398509481984",
    "295147905179352830000, 295147905179352830000",
    "295147905179352825856, 295147905179352830000",
    "1e23, 1e+23",
    "2e23, 2e+23",
    "123e-20, 1.23e-18",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-1.7976931348623157e308, -1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "2.225073858507201e-308, 2.225073858507201e-308",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "1.5, 1.5",
    "-1.5, -1.5",
    "100, 100",
    "1E2, 100",
    "4.50, 4.5",
    "2e-3, 0.002",
    "1e30, 1e+30",
    "333333333.33333329, 333333333.3333333",
    "5.684341886080802e-14, 5.684341886080802e-14",
    "123456789012345680000, 123456789012345680000",
    "1.2345678901234568e21, 1.2345678901234568e+21",
    "-1e-7, -1e-7",
    "-1e21, -1e+21",
  })
  void formatNumber_es6Cases(String literal, String expected) {
    assertThat(CanonicalJson.formatNumber(Double.parseDouble(literal))).isEqualTo(expected);
  }

  /**
   * JDK 17's Double.toString is not always shortest (JDK-4511638, fixed in JDK 19), so it cannot
   * serve; these are values where it gives more digits than ECMAScript.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Double.toString on JDK 17: 9.999999999999999E22, 1.9999999999999998E23,
    // 5.6843418860808015E-14, 5.342000000000001E21, 1.58E-322
    "44b52d02c7e14af6, 1e+23",
    "44c52d02c7e14af6, 2e+23",
    "3d30000000000000, 5.684341886080802e-14",
    "44721972478def8c, 5.342e+21",
    "0000000000000020, 1.6e-322",
  })
  void formatNumber_isShortestWhereJdk17DoubleToStringIsNot(String hex, String expected) {
    double v = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    assertThat(CanonicalJson.formatNumber(v)).isEqualTo(expected);
  }

  @Test
  void formatNumber_nanAndInfinities_throw() {
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> CanonicalJson.formatNumber(v))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("JSON has no " + v + ": only finite numbers can be written");
    }
  }

  /**
   * Regenerates the reference implementation's ES6 test sequence (see json/README.md), formats all
   * of its first 10,000,000 values and compares the SHA-256 of the resulting file with the
   * published one at every checkpoint. The published file was made with V8 and Go.
   */
  @Test
  void formatNumber_matchesPublishedEs6TestFile() throws IOException, NoSuchAlgorithmException {
    List<Long> fixed = new ArrayList<>();
    for (String line : resourceLines("/json/es6-numbers/static-values.txt")) {
      fixed.add(Long.parseUnsignedLong(line, 16));
    }
    assertThat(fixed).hasSize(168);
    List<String[]> checksums = new ArrayList<>();
    for (String line : resourceLines("/json/es6-numbers/checksums.txt")) {
      checksums.add(line.split(","));
    }

    MessageDigest file = MessageDigest.getInstance("SHA-256");
    MessageDigest chain = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[32];
    ByteBuffer words = ByteBuffer.allocate(0);
    byte[] line = new byte[64];
    long size = 0;
    int next = 0;
    for (int n = 1; next < checksums.size(); n++) {
      int i = n - 1;
      double v;
      if (i < fixed.size()) {
        v = Double.longBitsToDouble(fixed.get(i));
      } else if (i < fixed.size() + 2000) {
        v = Double.longBitsToDouble(0x0010000000000000L + (i - fixed.size()));
      } else {
        v = 0;
        while (v == 0 || !Double.isFinite(v)) {
          if (!words.hasRemaining()) {
            block = chain.digest(block);
            words = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
          }
          v = Double.longBitsToDouble(words.getLong());
        }
      }
      byte[] hex = Long.toHexString(Double.doubleToRawLongBits(v)).getBytes(US_ASCII);
      System.arraycopy(hex, 0, line, 0, hex.length);
      int end = hex.length;
      line[end++] = ',';
      end = EcmaNumber.write(v, line, end);
      line[end++] = '\n';
      file.update(line, 0, end);
      size += end;

      String[] want = checksums.get(next);
      if (n == Integer.parseInt(want[0])) {
        byte[] digest = ((MessageDigest) cloneOf(file)).digest();
        assertThat(HexFormat.of().formatHex(digest))
            .as("SHA-256 of the first %d lines", n)
            .isEqualTo(want[1]);
        assertThat(size).as("size of the first %d lines", n).isEqualTo(Long.parseLong(want[2]));
        next++;
      }
    }
  }

  /**
   * Uniformly random bit patterns: every exponent, mostly 16 and 17 digit results. (The ES6 test
   * file above covers 10,000,000 more; the exact reference is slow, so these counts are modest.)
   */
  @Test
  void formatNumber_randomDoubles_matchReference() {
    SplittableRandom random = new SplittableRandom(20241001L);
    for (int i = 0; i < 200_000; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(v)) {
        assertMatchesReference(v);
      }
    }
  }

  /**
   * Short decimals, the values people write: they have shorter spellings than their neighbours,
   * which exercises the search for a shorter candidate that random bit patterns rarely reach.
   */
  @Test
  void formatNumber_randomShortDecimals_matchReference() {
    SplittableRandom random = new SplittableRandom(8785L);
    for (int i = 0; i < 40_000; i++) {
      long digits = random.nextLong(1, 10_000_000_000L) / (long) Math.pow(10, random.nextInt(10));
      double v = Double.parseDouble(digits + "e" + random.nextInt(-330, 310));
      if (Double.isFinite(v) && v != 0) {
        assertMatchesReference(v);
        assertMatchesReference(Math.nextUp(v));
        assertMatchesReference(Math.nextDown(v));
      }
    }
  }

  /**
   * Powers of two have a rounding interval twice as wide above as below; subnormals and the
   * smallest normals have the widest intervals of all relative to their value.
   */
  @Test
  void formatNumber_powersOfTwoAndSubnormals_matchReference() {
    for (long biasedExponent = 0; biasedExponent < 2047; biasedExponent++) {
      for (long fraction : new long[] {0, 1, (1L << 52) - 1}) {
        double v = Double.longBitsToDouble((biasedExponent << 52) | fraction);
        if (v != 0) {
          assertMatchesReference(v);
          assertMatchesReference(-v);
        }
      }
    }
    for (long bits = 1; bits <= 2_000; bits++) {
      assertMatchesReference(Double.longBitsToDouble(bits));
    }
  }

  private static void assertMatchesReference(double v) {
    String ours = CanonicalJson.formatNumber(v);
    int hint = ReferenceNumber.significantDigits(ours) - 1;
    String reference = ReferenceNumber.format(v, hint);
    if (!ours.equals(reference)) {
      throw new AssertionError(
          "for "
              + Long.toHexString(Double.doubleToRawLongBits(v))
              + " ("
              + v
              + ") got "
              + ours
              + ", reference says "
              + reference);
    }
  }

  /** The digit search relies on these two estimates being exact over every double's exponent. */
  @Test
  void floorLog10Estimates_areExactForEveryExponent() {
    BigInteger ten = BigInteger.TEN;
    for (int q = -1100; q <= 1100; q++) {
      // floor(log10(2^q)) is the k with 10^k <= 2^q < 10^(k+1); compare 10^k 2^-q with 1.
      int k = EcmaNumber.floorLog10Pow2(q);
      assertThat(compareTenPowTimesTwoPow(ten, k, -q))
          .as("10^%d <= 2^%d", k, q)
          .isLessThanOrEqualTo(0);
      assertThat(compareTenPowTimesTwoPow(ten, k + 1, -q))
          .as("2^%d < 10^%d", q, k + 1)
          .isPositive();
      // floor(log10(3/4 2^q)): 10^k <= 3 2^(q-2) < 10^(k+1).
      int k3 = EcmaNumber.floorLog10ThreeQuartersPow2(q);
      assertThat(compareWithThreeQuarters(k3, q)).isLessThanOrEqualTo(0);
      assertThat(compareWithThreeQuarters(k3 + 1, q)).isPositive();
    }
  }

  /** Sign of 10^a 2^b - 1. */
  private static int compareTenPowTimesTwoPow(BigInteger ten, int a, int b) {
    BigInteger num = BigInteger.ONE;
    BigInteger den = BigInteger.ONE;
    num = a >= 0 ? num.multiply(ten.pow(a)) : num;
    den = a < 0 ? den.multiply(ten.pow(-a)) : den;
    num = b >= 0 ? num.shiftLeft(b) : num;
    den = b < 0 ? den.shiftLeft(-b) : den;
    return num.compareTo(den);
  }

  /** Sign of 10^k - 3 2^(q-2). */
  private static int compareWithThreeQuarters(int k, int q) {
    BigInteger left = k >= 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
    BigInteger right = BigInteger.valueOf(3);
    if (k < 0) {
      right = right.multiply(BigInteger.TEN.pow(-k));
    }
    int shift = q - 2;
    if (shift >= 0) {
      right = right.shiftLeft(shift);
    } else {
      left = left.shiftLeft(-shift);
    }
    return left.compareTo(right);
  }

  private static Object cloneOf(MessageDigest digest) {
    try {
      return digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  static List<String> resourceLines(String path) throws IOException {
    try (InputStream in = EcmaNumberTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), UTF_8).split("\n", -1)) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
      return lines;
    }
  }
}
