package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesRowParserTest {

  private static final String OBJECT = "file:/data/events.jsonl";

  private static final SchemaMapping MAPPING =
      SchemaMapping.builder(SourceFormat.JSONL)
          .id("id")
          .timestamp("ts")
          .group("user")
          .domain("domain")
          .label("y")
          .features(List.of("pixels", "temp"))
          .build();

  private static RawRow row(String text) {
    return new RawRow(OBJECT, 12, text, null);
  }

  private static ParsedRecord parse(SchemaMapping mapping, String text) throws Exception {
    return new JsonLinesRowParser(mapping).parse(row(text));
  }

  private static RowRejectedException reject(SchemaMapping mapping, String text) {
    try {
      throw new AssertionError("expected a rejection, parsed " + parse(mapping, text));
    } catch (RowRejectedException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aLabelBeyondTheFloat32RangeIsNonFiniteAsANumberOrAString() {
    for (String label : List.of("1e40", "3.5e38", "\"1e40\"")) {
      RowRejectedException e =
          reject(
              MAPPING,
              "{\"id\":1,\"ts\":\"2024-03-01\",\"user\":\"u\",\"domain\":\"d\",\"y\":"
                  + label
                  + ",\"pixels\":[1],\"temp\":2}");
      assertThat(e.reason()).as(label).isEqualTo(RejectReason.NON_FINITE);
      assertThat(e.getMessage()).contains("'y' (schema.label)").contains("float32 range");
    }
  }

  @Test
  void javaLiteralSyntaxInANumericStringIsAnUnparseableNumber() {
    for (String bad : List.of("1.5d", "0x1p3", "+2.5")) {
      RowRejectedException e =
          reject(
              MAPPING,
              "{\"id\":1,\"ts\":\"2024-03-01\",\"user\":\"u\",\"domain\":\"d\",\"y\":1,"
                  + "\"pixels\":[1],\"temp\":\""
                  + bad
                  + "\"}");
      assertThat(e.reason()).as(bad).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
    }
  }

  @Test
  void mapsTopLevelFieldsInTheConfiguredFeatureOrderAndFlattensArrays() throws Exception {
    ParsedRecord r =
        parse(
            MAPPING,
            "{\"temp\":\"21.5\",\"id\":42,\"ts\":\"2024-03-01T12:00:00Z\",\"user\":\"u1\","
                + "\"domain\":\"noisy\",\"y\":1,\"pixels\":[0.25,\"0.5\",1e2],\"extra\":{\"a\":1}}");

    assertThat(r.id).isEqualTo("42");
    assertThat(r.timestampMillis).isEqualTo(1709294400000L);
    assertThat(r.group).isEqualTo("u1");
    assertThat(r.domain).isEqualTo("noisy");
    assertThat(r.label).containsExactly(1.0);
    assertThat(r.features).containsExactly(0.25, 0.5, 100.0, 21.5);
    assertThat(r.dimension).isEqualTo(4);
  }

  @Test
  void takesAllRemainingFieldsInTheLinesOrder() throws Exception {
    SchemaMapping mapping = SchemaMapping.builder(SourceFormat.JSONL).label("y").build();
    ParsedRecord r = parse(mapping, "{\"b\":2,\"y\":0,\"a\":[3,4],\"c\":\"5\"}");
    assertThat(r.features).containsExactly(2.0, 3.0, 4.0, 5.0);
    assertThat(r.uid()).isEqualTo(OBJECT + ":12");
  }

  @Test
  void readsAnArrayLabel() throws Exception {
    SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.JSONL).label("y").features(List.of("x")).build();
    assertThat(parse(mapping, "{\"x\":1,\"y\":[0,1,0]}").label).containsExactly(0.0, 1.0, 0.0);
  }

  @Test
  void rejectsLinesThatAreNotOneJsonObject() {
    for (String bad :
        List.of("[1,2]", "{\"a\":1", "{\"a\":1} {\"b\":2}", "{\"a\":1,\"a\":2}", "")) {
      RowRejectedException e = reject(MAPPING, bad);
      assertThat(e.reason()).as(bad).isEqualTo(RejectReason.MALFORMED_JSON);
      assertThat(e.getMessage()).startsWith(OBJECT + " line 12: ");
    }
  }

  @Test
  void rejectsANonNumericFeatureNamingTheArrayElement() {
    RowRejectedException e =
        reject(
            MAPPING,
            "{\"id\":1,\"ts\":\"2024-03-01\",\"user\":\"u\",\"domain\":\"d\",\"y\":1,"
                + "\"pixels\":[1,\"x\"],\"temp\":2}");
    assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
    assertThat(e.getMessage())
        .isEqualTo(
            OBJECT
                + " line 12, field 'pixels[1]' (schema.features): expected a float32 number"
                + " (schema.feature-type=float32), got \"x\"");
  }

  @Test
  void rejectsNullBooleanAndNestedFeatures() {
    String prefix =
        "{\"id\":1,\"ts\":\"2024-03-01\",\"user\":\"u\",\"domain\":\"d\",\"y\":1,\"pixels\":1,";
    assertThat(reject(MAPPING, prefix + "\"temp\":null}").getMessage()).endsWith("got null");
    assertThat(reject(MAPPING, prefix + "\"temp\":true}").getMessage()).endsWith("got true");
    assertThat(reject(MAPPING, prefix + "\"temp\":{\"c\":1}}").getMessage())
        .endsWith("got a nested object");
  }

  @Test
  void rejectsNanUnlessAllowed() throws Exception {
    String line =
        "{\"id\":1,\"ts\":\"2024-03-01\",\"user\":\"u\",\"domain\":\"d\",\"y\":1,"
            + "\"pixels\":[NaN],\"temp\":\"Infinity\"}";
    RowRejectedException e = reject(MAPPING, line);
    assertThat(e.reason()).isEqualTo(RejectReason.NON_FINITE);
    assertThat(e.field()).isEqualTo("'pixels[0]' (schema.features)");

    SchemaMapping allowing =
        SchemaMapping.builder(SourceFormat.JSONL)
            .features(List.of("pixels", "temp"))
            .allowNonFinite(true)
            .build();
    assertThat(parse(allowing, line).features)
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
  }

  @Test
  void rejectsMissingFieldsWithTheirReason() {
    String full =
        "{\"id\":1,\"ts\":\"2024-03-01\",\"user\":\"u\",\"domain\":\"d\",\"y\":1,\"pixels\":1,\"temp\":2}";
    assertThat(reject(MAPPING, full.replace("\"id\":1,", "")).reason())
        .isEqualTo(RejectReason.MISSING_ID);
    assertThat(reject(MAPPING, full.replace("\"ts\":\"2024-03-01\",", "")).reason())
        .isEqualTo(RejectReason.MISSING_TIMESTAMP);
    assertThat(reject(MAPPING, full.replace("\"user\":\"u\"", "\"user\":null")).reason())
        .isEqualTo(RejectReason.MISSING_GROUP);
    assertThat(reject(MAPPING, full.replace("\"domain\":\"d\",", "")).reason())
        .isEqualTo(RejectReason.MISSING_DOMAIN);
    assertThat(reject(MAPPING, full.replace("\"y\":1,", "")).reason())
        .isEqualTo(RejectReason.MISSING_LABEL);
    RowRejectedException feature = reject(MAPPING, full.replace(",\"temp\":2", ""));
    assertThat(feature.reason()).isEqualTo(RejectReason.MISSING_FEATURE);
    assertThat(feature.getMessage())
        .isEqualTo(
            OBJECT + " line 12, field 'temp' (schema.features): expected the field, it is absent");
    RowRejectedException ts = reject(MAPPING, full.replace("2024-03-01", "yesterday"));
    assertThat(ts.reason()).isEqualTo(RejectReason.BAD_TIMESTAMP);
    assertThat(ts.getMessage())
        .contains("field 'ts' (schema.timestamp)")
        .endsWith("got \"yesterday\"");
  }

  @Test
  void readsEpochTimestampsFromNumbersAndStrings() throws Exception {
    SchemaMapping seconds =
        SchemaMapping.builder(SourceFormat.JSONL)
            .timestamp("t")
            .timestampFormat(TimestampFormat.EPOCH_SECONDS)
            .features(List.of("x"))
            .build();
    assertThat(parse(seconds, "{\"t\":1700000000,\"x\":1}").timestampMillis)
        .isEqualTo(1700000000000L);
    assertThat(parse(seconds, "{\"t\":\"1700000000.25\",\"x\":1}").timestampMillis)
        .isEqualTo(1700000000250L);
  }

  @Test
  void parsesAvroRecordsRenderedAsJsonThroughTheSameRules() throws Exception {
    SchemaMapping avro =
        SchemaMapping.builder(SourceFormat.AVRO).label("label").features(List.of("f")).build();
    RowParser parser = RowParsers.create(avro);
    assertThat(parser).isInstanceOf(JsonLinesRowParser.class);
    ParsedRecord r =
        parser.parse(
            new RawRow(
                "file:/a.avro", 3, "{\"label\": 1.0, \"f\": [1.5, 2.5], \"name\": \"x\"}", null));
    assertThat(r.label).containsExactly(1.0);
    assertThat(r.features).containsExactly(1.5, 2.5);
    assertThat(r.line).isEqualTo(3);
  }
}
