package id.saksi.core.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript's Number::toString written straight from its definition, slowly and independently of
 * {@link EcmaNumber}: exact decimal arithmetic for the digits, the JDK's (correctly rounded) parser
 * as the judge of "reads back as the same double", and string operations for the layout.
 */
final class ReferenceNumber {
  private ReferenceNumber() {}

  /**
   * The spelling of {@code v}. The digit search starts at {@code fromDigits} (at least 1) to save
   * time; since it fails unless some decimal of exactly that many digits or fewer reads back, a
   * wrong hint that is too high makes the result differ, never silently agree.
   */
  static String format(double v, int fromDigits) {
    if (v == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(v);
    for (int p = Math.max(1, fromDigits); p <= 17; p++) {
      // The p-digit decimals closest to v from below and from above. If any p-digit decimal
      // reads back as v, one of these two does, since the round-trip interval is contiguous.
      BigDecimal below = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean belowOk = Double.parseDouble(below.toString()) == v;
      boolean aboveOk = Double.parseDouble(above.toString()) == v;
      BigDecimal pick;
      if (belowOk && aboveOk) {
        int cmp = exact.subtract(below).abs().compareTo(above.subtract(exact).abs());
        if (cmp != 0) {
          pick = cmp < 0 ? below : above;
        } else {
          pick = below.unscaledValue().testBit(0) ? above : below; // the even one
        }
      } else if (belowOk) {
        pick = below;
      } else if (aboveOk) {
        pick = above;
      } else {
        continue;
      }
      return layout(pick);
    }
    throw new AssertionError("no decimal of 17 digits or fewer reads back as " + v);
  }

  /** Number of significant digits in an ECMAScript spelling, to hint {@link #format}. */
  static int significantDigits(String spelled) {
    String mantissa = spelled.replace("-", "");
    int e = mantissa.indexOf('e');
    if (e >= 0) {
      mantissa = mantissa.substring(0, e);
    }
    return new BigDecimal(mantissa).stripTrailingZeros().precision();
  }

  /** ECMA-262 Number::toString, steps 6 to 12, on a decimal of k significant digits. */
  private static String layout(BigDecimal d) {
    String sign = d.signum() < 0 ? "-" : "";
    BigDecimal m = d.abs().stripTrailingZeros();
    String digits = m.unscaledValue().toString();
    int k = digits.length();
    int n = k - m.scale(); // the value is 0.digits times 10^n
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    int e = n - 1;
    String fraction = k == 1 ? "" : "." + digits.substring(1);
    return sign + digits.charAt(0) + fraction + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
  }
}
