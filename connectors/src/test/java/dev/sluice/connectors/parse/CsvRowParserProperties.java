package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.PropertySeed;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** CSV rows rendered from random values, quoted where RFC 4180 needs it, parse back to them. */
class CsvRowParserProperties {

  @Property(seed = PropertySeed.FIXED, tries = 500)
  void renderedRowsParseBackToTheSameValues(
      @ForAll("texts") String id,
      @ForAll("texts") String group,
      @ForAll double label,
      @ForAll @Size(min = 1, max = 20) List<Float> features,
      @ForAll boolean quoteNumbers) {
    List<String> names = new ArrayList<>(List.of("id", "label", "group"));
    List<String> cells =
        new ArrayList<>(List.of(csv(id), number(Double.toString(label), quoteNumbers), csv(group)));
    for (int i = 0; i < features.size(); i++) {
      names.add("f" + i);
      cells.add(number(Float.toString(features.get(i)), quoteNumbers));
    }
    RawRow row = new RawRow("file:/p.csv", 2, String.join(",", cells), String.join(",", names));
    SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.CSV)
            .id("id")
            .group("group")
            .label("label")
            .allowNonFinite(true)
            .build();

    ParsedRecord record;
    try {
      record = new CsvRowParser(mapping).parse(row);
    } catch (RowRejectedException e) {
      throw new AssertionError(e.getMessage(), e);
    }

    assertThat(record.id).isEqualTo(id);
    assertThat(record.group).isEqualTo(group);
    assertThat(record.label).containsExactly(label);
    assertThat(record.features).hasSize(features.size());
    for (int i = 0; i < features.size(); i++) {
      assertThat((float) record.features[i]).isEqualTo(features.get(i));
    }
  }

  /** Quotes a value when it holds a delimiter, a quote or surrounding space, as a writer would. */
  private static String csv(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.isEmpty()
        || !value.equals(value.trim())) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String number(String value, boolean quote) {
    return quote ? "\"" + value + "\"" : value;
  }

  @Provide
  Arbitrary<String> texts() {
    // Non-blank: blank ids and groups are rejected as missing, which another test covers.
    return Arbitraries.strings()
        .withChars("ab,\" ;x\t'é")
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> !s.isBlank());
  }
}
