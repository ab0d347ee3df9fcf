package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers are what exporters write; Java's literal syntax is not data. */
class NumberSyntaxTest {

  private static float float32(String text) {
    char[] chars = text.toCharArray();
    return NumberParser.parseFloat(chars, 0, chars.length);
  }

  private static double float64(String text) {
    char[] chars = text.toCharArray();
    return NumberParser.parseDouble(chars, 0, chars.length);
  }

  private static int int32(String text) {
    char[] chars = text.toCharArray();
    return NumberParser.parseInt(chars, 0, chars.length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"12", "-0.5", "3.", ".25", "1e40", "2.5E-3", "1e+5", "-1.5e-7", " 7 ", "\t8"})
  void acceptsDecimalsWithOrWithoutAnExponent(String text) {
    assertThat(float64(text)).isEqualTo(Double.parseDouble(text.trim()));
    assertThat(float32(text)).isEqualTo(Float.parseFloat(text.trim()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "NAN", "-nan"})
  void readsNotANumberInAnyLetterCase(String text) {
    assertThat(float32(text)).isNaN();
    assertThat(float64(text)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(strings = {"inf", "Inf", "INF", "Infinity", "infinity", "-inf", "-Infinity"})
  void readsInfinityInAnyLetterCaseAndEitherSpelling(String text) {
    double expected = text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    assertThat(float64(text)).isEqualTo(expected);
    assertThat((double) float32(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.5d",
        "2.5f",
        "3D",
        "4F",
        "0x1p3",
        "0x10",
        "+2.5",
        "+7",
        "+Infinity",
        "1_000",
        "1,5",
        "1e",
        "1e+",
        "e5",
        ".",
        "-",
        "",
        " ",
        "--1",
        "1.2.3",
        "nanx",
        "info",
        "Infinit",
        "1 2"
      })
  void refusesEverythingElseAsNotANumber(String text) {
    assertThatThrownBy(() -> float32(text)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> float64(text)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> int32(text)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1", "0x10", "1d"})
  void refusesJavaSyntaxForIntegersToo(String text) {
    assertThatThrownBy(() -> int32(text)).isInstanceOf(NumberFormatException.class);
  }
}
