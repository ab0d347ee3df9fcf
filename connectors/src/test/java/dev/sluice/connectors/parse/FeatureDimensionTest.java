package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A channel has one feature dimension, and a JSON row is read by name: the object's first line (or
 * {@code schema.feature-dimension}) fixes the features of every row of the object.
 */
class FeatureDimensionTest {

  private static final String OBJECT = "file:/data/v.jsonl";

  /** Rows as the text reader emits them: each carries the object's first line. */
  private static RawRow row(String first, long line, String text) {
    return new RawRow(OBJECT, line, text, first);
  }

  private static RowRejectedException reject(RowParser parser, RawRow row) {
    try {
      throw new AssertionError("expected a rejection, parsed " + parser.parse(row).features);
    } catch (RowRejectedException e) {
      return e;
    }
  }

  @Nested
  class JsonArrays {
    private final SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.JSONL).features(List.of("v")).build();
    private final String first = "{\"v\":[1,2,3]}";

    @Test
    void rowsOfTheFirstLinesLengthAreRead() throws Exception {
      RowParser parser = new JsonLinesRowParser(mapping);
      assertThat(parser.parse(row(first, 1, first)).features).containsExactly(1.0, 2.0, 3.0);
      assertThat(parser.parse(row(first, 2, "{\"v\":[4,5,6]}")).dimension).isEqualTo(3);
    }

    @Test
    void rowsOfAnotherLengthAreRejectedAsWrongDimension() {
      RowParser parser = new JsonLinesRowParser(mapping);
      for (String other : List.of("{\"v\":[1]}", "{\"v\":[]}", "{\"v\":[1,2,3,4,5]}")) {
        RowRejectedException e = reject(parser, row(first, 2, other));
        assertThat(e.reason()).as(other).isEqualTo(RejectReason.WRONG_DIMENSION);
        assertThat(e.getMessage()).contains("expected 3 features as in the object's first row");
      }
    }

    @Test
    void schemaFeatureDimensionFixesItForEveryObjectInsteadOfTheFirstLine() {
      SchemaMapping fixed =
          SchemaMapping.builder(SourceFormat.JSONL)
              .features(List.of("v"))
              .featureDimension(5)
              .build();
      RowParser parser = new JsonLinesRowParser(fixed);
      RowRejectedException e = reject(parser, row(first, 1, first));
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_DIMENSION);
      assertThat(e.getMessage()).contains("expected 5 features (schema.feature-dimension), got 3");
    }

    @Test
    void avroRecordsGoThroughTheSameCheck() {
      SchemaMapping avro = SchemaMapping.builder(SourceFormat.AVRO).features(List.of("v")).build();
      RawRow second = new RawRow("file:/d/a.avro", 2, "{\"v\": [1.0]}", "{\"v\": [1.0, 2.0]}");
      assertThat(reject(RowParsers.create(avro), second).reason())
          .isEqualTo(RejectReason.WRONG_DIMENSION);
    }
  }

  @Nested
  class JsonAllRemainingFeatures {
    private final SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.JSONL).label("y").build();
    private final String first = "{\"a\":1,\"b\":2,\"y\":0,\"c\":3}";

    @Test
    void readsEveryRowByNameInTheFirstLinesOrder() throws Exception {
      RowParser parser = new JsonLinesRowParser(mapping);
      assertThat(parser.parse(row(first, 1, first)).features).containsExactly(1.0, 2.0, 3.0);
      assertThat(parser.parse(row(first, 2, "{\"c\":30,\"y\":1,\"a\":10,\"b\":20}")).features)
          .containsExactly(10.0, 20.0, 30.0);
    }

    @Test
    void aMissingFieldIsAMissingFeature() {
      RowRejectedException e =
          reject(new JsonLinesRowParser(mapping), row(first, 2, "{\"a\":1,\"y\":0,\"c\":3}"));
      assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FEATURE);
      assertThat(e.field()).isEqualTo("'b' (schema.features=*)");
    }

    @Test
    void anExtraFieldIsAWrongDimensionNamingTheFirstLinesFields() {
      RowRejectedException e =
          reject(
              new JsonLinesRowParser(mapping),
              row(first, 2, "{\"a\":1,\"b\":2,\"y\":0,\"c\":3,\"d\":4}"));
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_DIMENSION);
      assertThat(e.getMessage()).contains("'d'").contains("a, b, c");
    }

    @Test
    void anArrayFieldOfAnotherLengthIsAWrongDimension() {
      String arrays = "{\"a\":[1,2],\"y\":0}";
      RowRejectedException e =
          reject(new JsonLinesRowParser(mapping), row(arrays, 2, "{\"a\":[1,2,3],\"y\":0}"));
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_DIMENSION);
    }

    @Test
    void aFirstLineOfAnotherThanTheConfiguredDimensionStillFixesTheNames() throws Exception {
      SchemaMapping fixed =
          SchemaMapping.builder(SourceFormat.JSONL).label("y").featureDimension(2).build();
      RowParser parser = new JsonLinesRowParser(fixed);
      assertThat(reject(parser, row(first, 1, first)).reason())
          .isEqualTo(RejectReason.WRONG_DIMENSION);
      assertThat(reject(parser, row(first, 2, "{\"c\":3,\"y\":0,\"b\":2,\"a\":1}")).getMessage())
          .contains("expected 2 features (schema.feature-dimension), got 3");
    }

    @Test
    void aBrokenFirstLineRejectsTheRowsItWouldHaveFixed() {
      RowRejectedException e =
          reject(new JsonLinesRowParser(mapping), row("{\"a\":", 2, "{\"a\":1,\"y\":0}"));
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_DIMENSION);
      assertThat(e.getMessage()).contains("the object's first line is not a valid row");
    }
  }

  @Nested
  class Csv {
    @Test
    void theHeaderFixesTheDimensionAndSchemaFeatureDimensionIsChecked() throws Exception {
      SchemaMapping fixed =
          SchemaMapping.builder(SourceFormat.CSV).label("y").featureDimension(2).build();
      RawRow threeFeatures = new RawRow("file:/d/a.csv", 2, "0,1,2,3", "y,a,b,c");
      RowRejectedException e = reject(new CsvRowParser(fixed), threeFeatures);
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_DIMENSION);
      assertThat(e.getMessage()).contains("expected 2 features (schema.feature-dimension), got 3");
    }
  }

  @Test
  void schemaFeatureDimensionMustBePositiveAndIsNotForLibsvm() {
    assertThatThrownBy(() -> SchemaMapping.builder(SourceFormat.CSV).featureDimension(-1).build())
        .hasMessageContaining("schema.feature-dimension must be positive");
    assertThatThrownBy(
            () ->
                SchemaMapping.builder(SourceFormat.LIBSVM)
                    .libsvmDimension(10)
                    .featureDimension(10)
                    .build())
        .hasMessageContaining("source.libsvm.dimension");
  }
}
