package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.PropertySeed;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fast paths agree bit for bit with the JDK's correctly rounded parsers. */
class NumberParserProperties {

  @Property(seed = PropertySeed.FIXED, tries = 3000)
  void parsesDecimalsToTheNearestFloat(@ForAll("decimals") String text) {
    char[] chars = ("  " + text + "  ").toCharArray();
    float parsed = NumberParser.parseFloat(chars, 2, 2 + text.length());
    assertThat(Float.floatToRawIntBits(parsed))
        .as(text)
        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
  }

  @Property(seed = PropertySeed.FIXED, tries = 3000)
  void parsesDecimalsToTheNearestDouble(@ForAll("decimals") String text) {
    char[] chars = text.toCharArray();
    assertThat(Double.doubleToRawLongBits(NumberParser.parseDouble(chars, 0, chars.length)))
        .as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  @Property(seed = PropertySeed.FIXED, tries = 1000)
  void parsesEveryFloatsShortestRenderingBackToItself(@ForAll float value) {
    char[] chars = Float.toString(value).toCharArray();
    assertThat(NumberParser.parseFloat(chars, 0, chars.length)).isEqualTo(value);
  }

  @Property(seed = PropertySeed.FIXED, tries = 1000)
  void parsesIntegersInTheInt32Range(@ForAll int value) {
    char[] chars = Integer.toString(value).toCharArray();
    assertThat(NumberParser.parseInt(chars, 0, chars.length)).isEqualTo(value);
  }

  @Property(seed = PropertySeed.FIXED, tries = 500)
  void parsesFloatsWrittenWithFewDigits(
      @ForAll @IntRange(min = -99_999_999, max = 99_999_999) int mantissa,
      @ForAll @IntRange(min = 0, max = 12) int scale) {
    String text =
        new java.math.BigDecimal(java.math.BigInteger.valueOf(mantissa), scale).toPlainString();
    char[] chars = text.toCharArray();
    assertThat(NumberParser.parseFloat(chars, 0, chars.length))
        .as(text)
        .isEqualTo(Float.parseFloat(text));
  }

  @Property(seed = PropertySeed.FIXED, tries = 2000)
  void parsesFloatMidpointsAndTheirNeighboursLikeTheJdk(
      @ForAll float value, @ForAll @IntRange(min = 6, max = 20) int digits) {
    if (!Float.isFinite(value) || !Float.isFinite(Math.nextUp(value))) {
      return;
    }
    BigDecimal midpoint =
        new BigDecimal(value).add(new BigDecimal(Math.nextUp(value))).divide(BigDecimal.valueOf(2));
    for (BigDecimal near :
        List.of(
            midpoint,
            midpoint.round(new MathContext(digits, RoundingMode.FLOOR)),
            midpoint.round(new MathContext(digits, RoundingMode.CEILING)))) {
      String text = near.toPlainString();
      char[] chars = text.toCharArray();
      assertThat(Float.floatToRawIntBits(NumberParser.parseFloat(chars, 0, chars.length)))
          .as(text)
          .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 1000)
  void parsesIntegersAroundTheFloatSignificandLikeTheJdk(
      @ForAll @IntRange(min = 16_777_000, max = 134_217_800) int value) {
    char[] chars = Integer.toString(value).toCharArray();
    assertThat(NumberParser.parseFloat(chars, 0, chars.length))
        .isEqualTo(Float.parseFloat(Integer.toString(value)));
  }

  @Provide
  Arbitrary<String> decimals() {
    // No leading '+': exporters do not write it, and NumberSyntax refuses it.
    Arbitrary<String> sign = Arbitraries.of("", "-");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(25);
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.integers().between(-60, 60).map(e -> "e" + e),
            Arbitraries.integers().between(0, 60).map(e -> "E+" + e));
    return net.jqwik.api.Combinators.combine(sign, digits, fraction, exponent)
        .as((s, d, f, e) -> s + d + (f.isEmpty() ? "" : "." + f) + e);
  }
}
