package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connectors.source.SourceFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMappingTest {

  @Test
  void hasTheDocumentedDefaults() {
    SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).build();
    assertThat(mapping.csvHeader()).isTrue();
    assertThat(mapping.csvDelimiter()).isEqualTo(',');
    assertThat(mapping.csvQuote()).isEqualTo('"');
    assertThat(mapping.id()).isEmpty();
    assertThat(mapping.labels()).isEmpty();
    assertThat(mapping.allRemainingFeatures()).isTrue();
    assertThat(mapping.featureType()).isEqualTo(FeatureType.FLOAT32);
    assertThat(mapping.timestampFormat()).isEqualTo(TimestampFormat.ISO);
    assertThat(mapping.allowNonFinite()).isFalse();
  }

  @Test
  void readsAStarFeatureListAsAllRemaining() {
    assertThat(
            SchemaMapping.builder(SourceFormat.CSV)
                .features(List.of("*"))
                .build()
                .allRemainingFeatures())
        .isTrue();
  }

  @Test
  void reportsEveryProblemAtOnceNamingTheKeys() {
    assertThatThrownBy(
            () ->
                SchemaMapping.builder(SourceFormat.CSV)
                    .csvHeader(false)
                    .csvDelimiter('"')
                    .group("speaker")
                    .label("#x")
                    .features(List.of("#1", "#1"))
                    .build())
        .isInstanceOfSatisfying(
            InvalidSchemaMappingException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "schema.label: column '#x' must be #<0-based index>, e.g. #3",
                        "schema.features: column '#1' is used twice in the schema mapping",
                        "source.csv.delimiter and source.csv.quote must differ, both are '\"'",
                        "column 'speaker' is a name, but source.csv.header is false: write columns"
                            + " as 0-based indices such as #3"));
  }

  @Test
  void rejectsIndicesForNamedFormats() {
    assertThatThrownBy(() -> SchemaMapping.builder(SourceFormat.JSONL).group("#2").build())
        .hasMessageContaining(
            "column '#2' is an index, but source.format=jsonl has named fields only");
  }

  @Test
  void needsADimensionAndNoColumnsForLibsvm() {
    assertThatThrownBy(() -> SchemaMapping.builder(SourceFormat.LIBSVM).group("g").build())
        .isInstanceOfSatisfying(
            InvalidSchemaMappingException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(
                        p -> assertThat(p).startsWith("source.libsvm.dimension is required"))
                    .anySatisfy(p -> assertThat(p).contains("leave schema.id, schema.timestamp")));
  }

  @Test
  void parsesColumnReferences() {
    assertThat(ColumnRef.parse("#3").index()).isEqualTo(3);
    assertThat(ColumnRef.parse(" price ").name()).isEqualTo("price");
    assertThat(ColumnRef.parse("#3")).hasToString("#3");
    assertThatThrownBy(() -> ColumnRef.parse("#-1")).hasMessageContaining("#<0-based index>");
  }

  @Test
  void namesConfigValuesOfItsEnums() {
    assertThat(FeatureType.fromConfigName("INT32")).isEqualTo(FeatureType.INT32);
    assertThat(TimestampFormat.fromConfigName("epoch-millis"))
        .isEqualTo(TimestampFormat.EPOCH_MILLIS);
    assertThat(SourceFormat.fromConfigName("jsonl")).isEqualTo(SourceFormat.JSONL);
    assertThatThrownBy(() -> SourceFormat.fromConfigName("parquet"))
        .hasMessage("source.format is 'parquet'; expected one of csv, jsonl, avro, libsvm");
    assertThatThrownBy(() -> FeatureType.fromConfigName("int64"))
        .hasMessageContaining("schema.feature-type is 'int64'");
  }
}
