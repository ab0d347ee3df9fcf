package dev.sluice.connectors.parse;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;

/**
 * Correctly rounded number parsing straight from a range of chars, without a {@code String} per
 * field.
 *
 * <p>Plain decimals ({@code -12.5}, {@code 0.001}) take Clinger's fast path: with at most 15
 * significant digits {@code m} and {@code k <= 22} fraction digits, both {@code m} and {@code 10^k}
 * are exact doubles, so {@code m / 10^k} is one IEEE division and hence the correctly rounded
 * double. A float32 is taken from a double within 2 units in the last place of {@code m / 10^k}
 * only when that double is clearly away from every float midpoint (see {@link
 * #exactQuotientToFloat}), which makes the float correctly rounded without going through a rounded
 * double; for longer float32 inputs the first 15 digits bound the value from both sides, and when
 * both bounds round to the same float that float is the answer. Everything else (exponents, long
 * double inputs, {@code NaN}, {@code Infinity}, surrounding whitespace, near-midpoints) is first
 * checked against {@link NumberSyntax}, which takes what exporters write and refuses Java's literal
 * syntax ({@code 1.5d}, {@code 0x1p3}, {@code +2.5}), and then goes to fastdoubleparser's {@link
 * JavaFloatParser} / {@link JavaDoubleParser}, which are correctly rounded. The properties in
 * {@code NumberParserProperties} compare every path with the JDK bit for bit.
 */
final class NumberParser {

  private static final double[] DOUBLE_POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** The doubles nearest to 10^-k. */
  private static final double[] DOUBLE_POW10_NEGATIVE = {
    1e-0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14,
    1e-15, 1e-16, 1e-17, 1e-18, 1e-19, 1e-20, 1e-21, 1e-22
  };

  /** How close (in units of the double's last place) to a float midpoint is too close to tell. */
  private static final long MIDPOINT_MARGIN = 8;

  /** Fifteen decimal digits always fit a double's 53-bit significand exactly. */
  private static final int MAX_EXACT_DIGITS = 15;

  private static final long FLOAT_DROPPED_BITS = (1L << 29) - 1;
  private static final long FLOAT_MIDPOINT_BITS = 1L << 28;

  private NumberParser() {}

  /** The nearest float to the number in {@code chars[from, to)}. */
  static float parseFloat(char[] chars, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && chars[i] == '-') {
      negative = true;
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean dot = false;
    boolean anyDigit = false;
    boolean truncated = false;
    for (; i < to; i++) {
      int d = chars[i] - '0';
      if (d >= 0 && d <= 9) {
        anyDigit = true;
        if (significant < MAX_EXACT_DIGITS) {
          if (mantissa != 0 || d != 0) {
            mantissa = mantissa * 10 + d;
            significant++;
          }
          if (dot) {
            fractionDigits++;
          }
        } else if (!dot) {
          // Digits dropped from the integer part would scale the value: rare, leave it to the
          // general parser.
          return generalFloat(chars, from, to);
        } else if (d != 0) {
          truncated = true;
        }
      } else if (chars[i] == '.' && !dot) {
        dot = true;
      } else {
        return generalFloat(chars, from, to);
      }
    }
    if (!anyDigit || fractionDigits >= DOUBLE_POW10.length) {
      return generalFloat(chars, from, to);
    }
    float value;
    if (!truncated) {
      value = exactQuotientToFloat(mantissa, fractionDigits);
    } else {
      // The value lies strictly between the kept digits and the kept digits plus one unit in the
      // last kept place; when both bounds round to the same float, so does the value.
      float low = exactQuotientToFloat(mantissa, fractionDigits);
      float high = exactQuotientToFloat(mantissa + 1, fractionDigits);
      value = low == high ? low : Float.NaN;
    }
    if (Float.isNaN(value)) {
      return generalFloat(chars, from, to);
    }
    return negative ? -value : value;
  }

  /**
   * The float nearest to {@code mantissa / 10^fractionDigits} for {@code mantissa <= 2^53}, or NaN
   * when the fast path cannot tell (then use {@link #parseFloat}).
   *
   * <p>Multiplies by the double nearest to {@code 10^-k} instead of dividing (a multiply is several
   * times cheaper). Both roundings together leave the product within 2 units in the last place of
   * the double of the exact value {@code x}. A float keeps 23 of the double's 52 fraction bits;
   * unless the 29 dropped bits are within {@link #MIDPOINT_MARGIN} units of the midpoint pattern
   * {@code 1 << 28}, the product and {@code x} lie on the same side of every float midpoint and
   * round to the same float. Near a midpoint, and for subnormal floats, NaN sends the number to the
   * general parser.
   */
  static float exactQuotientToFloat(long mantissa, int fractionDigits) {
    if (fractionDigits >= DOUBLE_POW10_NEGATIVE.length) {
      return Float.NaN;
    }
    double q = (double) mantissa * DOUBLE_POW10_NEGATIVE[fractionDigits];
    long dropped = Double.doubleToRawLongBits(q) & FLOAT_DROPPED_BITS;
    if (Math.abs(dropped - FLOAT_MIDPOINT_BITS) <= MIDPOINT_MARGIN
        || (q != 0 && q < 2 * (double) Float.MIN_NORMAL)) {
      return Float.NaN;
    }
    return (float) q;
  }

  /** The nearest double to the number in {@code chars[from, to)}. */
  static double parseDouble(char[] chars, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && chars[i] == '-') {
      negative = true;
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean dot = false;
    boolean anyDigit = false;
    for (; i < to; i++) {
      int d = chars[i] - '0';
      if (d >= 0 && d <= 9) {
        anyDigit = true;
        if (mantissa != 0 || d != 0) {
          if (++significant > MAX_EXACT_DIGITS) {
            return generalDouble(chars, from, to);
          }
          mantissa = mantissa * 10 + d;
        }
        if (dot) {
          fractionDigits++;
        }
      } else if (chars[i] == '.' && !dot) {
        dot = true;
      } else {
        return generalDouble(chars, from, to);
      }
    }
    if (!anyDigit || fractionDigits >= DOUBLE_POW10.length) {
      return generalDouble(chars, from, to);
    }
    double value = (double) mantissa / DOUBLE_POW10[fractionDigits];
    return negative ? -value : value;
  }

  /**
   * The general path: the text is checked against {@link NumberSyntax} (so Java literal syntax such
   * as {@code 1.5d} or {@code 0x1p3} is refused), then rounded by fastdoubleparser.
   */
  private static float generalFloat(char[] chars, int from, int to) {
    return switch (NumberSyntax.classify(chars, from, to)) {
      case NumberSyntax.NAN -> Float.NaN;
      case NumberSyntax.POSITIVE_INFINITY -> Float.POSITIVE_INFINITY;
      case NumberSyntax.NEGATIVE_INFINITY -> Float.NEGATIVE_INFINITY;
      default -> JavaFloatParser.parseFloat(chars, from, to - from);
    };
  }

  private static double generalDouble(char[] chars, int from, int to) {
    return switch (NumberSyntax.classify(chars, from, to)) {
      case NumberSyntax.NAN -> Double.NaN;
      case NumberSyntax.POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
      case NumberSyntax.NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
      default -> JavaDoubleParser.parseDouble(chars, from, to - from);
    };
  }

  /**
   * The int in {@code chars[from, to)}: an integer literal, or a decimal with no fractional part
   * such as {@code 3.0} or {@code 1e3}, within the int32 range.
   *
   * @throws NumberFormatException when the text is not an integer or out of range
   */
  static int parseInt(char[] chars, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && chars[i] == '-') {
      negative = true;
      i++;
    }
    if (i < to && to - i <= 10) {
      long value = 0;
      int j = i;
      for (; j < to; j++) {
        int d = chars[j] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        value = value * 10 + d;
      }
      if (j == to) {
        value = negative ? -value : value;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw new NumberFormatException("out of the int32 range");
        }
        return (int) value;
      }
    }
    double value = generalDouble(chars, from, to);
    if (value != Math.rint(value) || Double.isInfinite(value)) {
      throw new NumberFormatException("not an integer");
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new NumberFormatException("out of the int32 range");
    }
    return (int) value;
  }
}
