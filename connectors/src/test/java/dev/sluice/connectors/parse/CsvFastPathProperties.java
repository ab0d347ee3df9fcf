package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.PropertySeed;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-pass float32 path gives exactly what the general path gives, records or rejections. */
class CsvFastPathProperties {

  @Property(seed = PropertySeed.FIXED, tries = 2000)
  void agreesWithTheGeneralPathOnAnyRow(
      @ForAll("cells") List<String> cells, @ForAll boolean header, @ForAll boolean allowNonFinite) {
    SchemaMapping.Builder builder =
        SchemaMapping.builder(SourceFormat.CSV).allowNonFinite(allowNonFinite).csvHeader(header);
    String headerLine = null;
    if (header) {
      builder.label("y");
      headerLine = "y,a,b,c";
    } else {
      builder.label("#0").features(List.of("#3", "#1"));
    }
    SchemaMapping mapping = builder.build();
    RawRow row = new RawRow("file:/p.csv", 5, String.join(",", cells), headerLine);

    assertThat(outcome(new CsvRowParser(mapping, true), row))
        .as(row.text)
        .isEqualTo(outcome(new CsvRowParser(mapping, false), row));
  }

  private static String outcome(CsvRowParser parser, RawRow row) {
    try {
      ParsedRecord r = parser.parse(row);
      StringBuilder out = new StringBuilder("label=");
      for (double v : r.label) {
        out.append(Double.doubleToRawLongBits(v)).append(' ');
      }
      out.append("features=");
      for (double v : r.features) {
        out.append(Double.doubleToRawLongBits(v)).append(' ');
      }
      return out.toString();
    } catch (RowRejectedException e) {
      return e.reason().code() + ": " + e.getMessage();
    }
  }

  @Provide
  Arbitrary<List<String>> cells() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.floats().map(Object::toString),
            Arbitraries.doubles().map(Object::toString),
            Arbitraries.integers().between(-20_000_000, 20_000_000).map(Object::toString),
            Arbitraries.strings()
                .withChars("0123456789")
                .ofMinLength(1)
                .ofMaxLength(22)
                .map(d -> d.length() > 3 ? d.substring(0, 2) + "." + d.substring(2) : d),
            Arbitraries.of(
                "",
                "-",
                ".",
                "1e5",
                " 2.5",
                "NaN",
                "-Infinity",
                "\"3\"",
                "4\"",
                "1.2.3",
                "0x10",
                "7f",
                "+8",
                "-0",
                "0.00000000000000000000001"));
    return number.list().ofMinSize(2).ofMaxSize(6);
  }
}
