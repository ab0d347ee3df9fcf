package dev.sluice.connectors.parse;

/**
 * Which texts are numbers: what CSV and JSON exporters write, and nothing of Java's literal syntax.
 *
 * <ul>
 *   <li>A decimal: an optional {@code -}, digits with an optional fraction ({@code 12}, {@code
 *       -0.5}, {@code 3.}, {@code .25}), and an optional exponent ({@code 1e40}, {@code 2.5E-3},
 *       {@code 1e+5}).
 *   <li>A non-finite value, in any letter case and with an optional {@code -}: {@code NaN}, {@code
 *       nan}, {@code inf}, {@code Inf}, {@code Infinity}. These parse, and are then rejected as
 *       {@code non_finite} unless {@code schema.allow-non-finite} is true.
 *   <li>Spaces and tabs around the number are allowed ({@code 1, 2, 3} is common CSV).
 * </ul>
 *
 * Everything else is not a number ({@code unparseable_number}): a leading {@code +}, type suffixes
 * ({@code 1.5d}, {@code 2.5f}), hexadecimal ({@code 0x1p3}), underscores, thousands separators.
 */
final class NumberSyntax {

  /** The text is a decimal: hand it to a correctly rounding parser. */
  static final int DECIMAL = 0;

  static final int NAN = 1;
  static final int POSITIVE_INFINITY = 2;
  static final int NEGATIVE_INFINITY = 3;

  private NumberSyntax() {}

  /**
   * What {@code chars[from, to)} is: {@link #DECIMAL}, {@link #NAN} or an infinity.
   *
   * @throws NumberFormatException when it is not a number
   */
  static int classify(char[] chars, int from, int to) {
    while (from < to && isBlank(chars[from])) {
      from++;
    }
    while (to > from && isBlank(chars[to - 1])) {
      to--;
    }
    int i = from;
    boolean negative = i < to && chars[i] == '-';
    if (negative) {
      i++;
    }
    if (i < to && isLetter(chars[i])) {
      return special(chars, i, to, negative);
    }
    int digits = 0;
    while (i < to && isDigit(chars[i])) {
      i++;
      digits++;
    }
    if (i < to && chars[i] == '.') {
      i++;
      while (i < to && isDigit(chars[i])) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw notANumber();
    }
    if (i < to && (chars[i] == 'e' || chars[i] == 'E')) {
      i++;
      if (i < to && (chars[i] == '-' || chars[i] == '+')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < to && isDigit(chars[i])) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        throw notANumber();
      }
    }
    if (i != to) {
      throw notANumber();
    }
    return DECIMAL;
  }

  private static int special(char[] chars, int from, int to, boolean negative) {
    if (matches(chars, from, to, "nan")) {
      return NAN;
    }
    if (matches(chars, from, to, "inf") || matches(chars, from, to, "infinity")) {
      return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
    }
    throw notANumber();
  }

  private static boolean matches(char[] chars, int from, int to, String word) {
    if (to - from != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.toLowerCase(chars[from + i]) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static NumberFormatException notANumber() {
    // Thrown per rejected value: a rejection is data, not a bug, so no stack trace.
    return new NumberFormatException("not a number") {
      private static final long serialVersionUID = 1L;

      @Override
      public synchronized Throwable fillInStackTrace() {
        return this;
      }
    };
  }
}
