package dev.sluice.connectors.parse;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;

/**
 * Correctly rounded number parsing straight from a range of chars, without a {@code String} per
 * field.
 *
 * <p>Plain decimals ({@code -12.5}, {@code 0.001}) take Clinger's fast path: when the digits form
 * an integer {@code m} that the target type holds exactly ({@code m <= 2^24} for float, {@code
 * 2^53} for double) and the number of fraction digits {@code k} keeps {@code 10^k} exact too
 * ({@code k <= 10} for float, {@code 22} for double), then {@code m / 10^k} computed in the target
 * type is a single IEEE division of exact operands and hence correctly rounded. Everything else
 * (exponents, long mantissas, {@code NaN}, {@code Infinity}, surrounding whitespace) goes to
 * fastdoubleparser's {@link JavaFloatParser} / {@link JavaDoubleParser}, which are correctly
 * rounded and accept Java's floating-point literal syntax. A float32 is never parsed via double.
 */
final class NumberParser {

  private static final float[] FLOAT_POW10 = {
    1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f
  };
  private static final double[] DOUBLE_POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final long FLOAT_EXACT_MANTISSA = 1L << 24;
  private static final long DOUBLE_EXACT_MANTISSA = 1L << 53;

  private NumberParser() {}

  /** The nearest float to the number in {@code chars[from, to)}. */
  static float parseFloat(char[] chars, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (chars[i] == '-' || chars[i] == '+')) {
      negative = chars[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean dot = false;
    for (; i < to; i++) {
      int d = chars[i] - '0';
      if (d >= 0 && d <= 9) {
        if (++digits > 18) {
          return JavaFloatParser.parseFloat(chars, from, to - from);
        }
        mantissa = mantissa * 10 + d;
        if (dot) {
          fractionDigits++;
        }
      } else if (chars[i] == '.' && !dot) {
        dot = true;
      } else {
        return JavaFloatParser.parseFloat(chars, from, to - from);
      }
    }
    if (digits == 0 || mantissa > FLOAT_EXACT_MANTISSA || fractionDigits > 10) {
      return JavaFloatParser.parseFloat(chars, from, to - from);
    }
    float value = (float) mantissa / FLOAT_POW10[fractionDigits];
    return negative ? -value : value;
  }

  /** The nearest double to the number in {@code chars[from, to)}. */
  static double parseDouble(char[] chars, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (chars[i] == '-' || chars[i] == '+')) {
      negative = chars[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean dot = false;
    for (; i < to; i++) {
      int d = chars[i] - '0';
      if (d >= 0 && d <= 9) {
        if (++digits > 18) {
          return JavaDoubleParser.parseDouble(chars, from, to - from);
        }
        mantissa = mantissa * 10 + d;
        if (dot) {
          fractionDigits++;
        }
      } else if (chars[i] == '.' && !dot) {
        dot = true;
      } else {
        return JavaDoubleParser.parseDouble(chars, from, to - from);
      }
    }
    if (digits == 0 || mantissa > DOUBLE_EXACT_MANTISSA || fractionDigits > 22) {
      return JavaDoubleParser.parseDouble(chars, from, to - from);
    }
    double value = (double) mantissa / DOUBLE_POW10[fractionDigits];
    return negative ? -value : value;
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
    if (i < to && (chars[i] == '-' || chars[i] == '+')) {
      negative = chars[i] == '-';
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
    double value = JavaDoubleParser.parseDouble(chars, from, to - from);
    if (value != Math.rint(value) || Double.isInfinite(value)) {
      throw new NumberFormatException("not an integer");
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new NumberFormatException("out of the int32 range");
    }
    return (int) value;
  }
}
