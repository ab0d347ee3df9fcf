package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvRowParserTest {

  private static final String OBJECT = "file:/data/part-1.csv";
  private static final String HEADER = "id,ts,user,domain,y,f1,f2";

  private static SchemaMapping.Builder withHeader() {
    return SchemaMapping.builder(SourceFormat.CSV)
        .id("id")
        .timestamp("ts")
        .group("user")
        .domain("domain")
        .label("y");
  }

  private static RawRow row(String text) {
    return new RawRow(OBJECT, 7, text, HEADER);
  }

  private static ParsedRecord parse(SchemaMapping mapping, RawRow row) throws Exception {
    return new CsvRowParser(mapping).parse(row);
  }

  private static RowRejectedException reject(SchemaMapping mapping, RawRow row) {
    try {
      ParsedRecord record = new CsvRowParser(mapping).parse(row);
      throw new AssertionError("expected a rejection, parsed " + record);
    } catch (RowRejectedException e) {
      return e;
    }
  }

  @Test
  void mapsEveryRoleByHeaderNameAndTakesTheRemainingColumnsAsFeatures() throws Exception {
    ParsedRecord r = parse(withHeader().build(), row("u-1,2024-03-01,alice,clean,1,0.5,-2.25"));

    assertThat(r.id).isEqualTo("u-1");
    assertThat(r.uid()).isEqualTo("u-1");
    assertThat(r.uid()).isEqualTo("u-1");
    assertThat(r.hasTimestamp).isTrue();
    assertThat(r.timestampMillis).isEqualTo(1709251200000L);
    assertThat(r.group).isEqualTo("alice");
    assertThat(r.domain).isEqualTo("clean");
    assertThat(r.label).containsExactly(1.0);
    assertThat(r.features).containsExactly(0.5, -2.25);
    assertThat(r.dimension).isEqualTo(2);
    assertThat(r.isSparse()).isFalse();
    assertThat(r.object).isEqualTo(OBJECT);
    assertThat(r.line).isEqualTo(7);
    assertThat(r.featureType).isEqualTo(FeatureType.FLOAT32);
  }

  @Test
  void defaultsTheUidToObjectAndLineWithoutAnIdColumn() throws Exception {
    SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.CSV).label("y").features(List.of("f1", "f2")).build();
    ParsedRecord r = parse(mapping, row("u-1,2024-03-01,alice,clean,1,0.5,-2.25"));

    assertThat(r.id).isNull();
    assertThat(r.uid()).isEqualTo(OBJECT + ":7");
    assertThat(r.uid()).isEqualTo(OBJECT + ":7");
    assertThat(r.hasTimestamp).isFalse();
    assertThat(r.features).containsExactly(0.5, -2.25);
  }

  @Test
  void leavesTheLabelNullForUnsupervisedData() throws Exception {
    SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.CSV).features(List.of("f2", "f1")).build();
    ParsedRecord r = parse(mapping, row("u-1,2024-03-01,alice,clean,1,0.5,-2.25"));

    assertThat(r.label).isNull();
    assertThat(r.features).containsExactly(-2.25, 0.5);
  }

  @Test
  void readsSeveralLabelColumns() throws Exception {
    SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.CSV)
            .labels(List.of("y", "f1"))
            .features(List.of("f2"))
            .build();
    assertThat(parse(mapping, row("u,t,a,d,1,2,3")).label).containsExactly(1.0, 2.0);
  }

  @Test
  void resolvesIndexColumnsWithoutAHeader() throws Exception {
    SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.CSV)
            .csvHeader(false)
            .label("#0")
            .group("#3")
            .features(List.of("#1", "#2"))
            .build();
    ParsedRecord r = parse(mapping, new RawRow(OBJECT, 1, "1,2.5,3.5,g", null));

    assertThat(r.label).containsExactly(1.0);
    assertThat(r.group).isEqualTo("g");
    assertThat(r.features).containsExactly(2.5, 3.5);
  }

  @Nested
  class Rfc4180 {
    private final SchemaMapping mapping =
        SchemaMapping.builder(SourceFormat.CSV)
            .id("id")
            .group("user")
            .label("y")
            .features(List.of("f1", "f2"))
            .build();

    @Test
    void keepsDelimitersInsideQuotedFields() throws Exception {
      ParsedRecord r = parse(mapping, row("\"a,b\",t,\"x, y\",d,1,2,3"));
      assertThat(r.id).isEqualTo("a,b");
      assertThat(r.group).isEqualTo("x, y");
    }

    @Test
    void turnsDoubledQuotesIntoOne() throws Exception {
      ParsedRecord r = parse(mapping, row("\"say \"\"hi\"\"\",t,\"\"\"\",d,1,2,3"));
      assertThat(r.id).isEqualTo("say \"hi\"");
      assertThat(r.group).isEqualTo("\"");
    }

    @Test
    void readsQuotedNumbers() throws Exception {
      ParsedRecord r = parse(mapping, row("i,t,u,d,\"1\",\"2.5\",3"));
      assertThat(r.label).containsExactly(1.0);
      assertThat(r.features).containsExactly(2.5, 3.0);
    }

    @Test
    void readsAnEmptyQuotedFieldAsEmpty() throws Exception {
      RowRejectedException e = reject(mapping, row("i,t,\"\",d,1,2,3"));
      assertThat(e.reason()).isEqualTo(RejectReason.MISSING_GROUP);
    }

    @Test
    void usesTheConfiguredDelimiterAndQuote() throws Exception {
      SchemaMapping semicolons =
          SchemaMapping.builder(SourceFormat.CSV)
              .csvDelimiter(';')
              .csvQuote('\'')
              .id("id")
              .label("y")
              .build();
      ParsedRecord r = parse(semicolons, new RawRow(OBJECT, 2, "'a;''b''';4;5.5", "id;y;'f'"));
      assertThat(r.id).isEqualTo("a;'b'");
      assertThat(r.label).containsExactly(4.0);
      assertThat(r.features).containsExactly(5.5);
    }

    @Test
    void readsATrailingEmptyField() throws Exception {
      SchemaMapping texts =
          SchemaMapping.builder(SourceFormat.CSV).id("b").features(List.of("a")).build();
      RowRejectedException e = reject(texts, new RawRow(OBJECT, 3, "1,", "a,b"));
      assertThat(e.reason()).isEqualTo(RejectReason.MISSING_ID);
    }

    @Test
    void rejectsAnUnclosedQuote() {
      RowRejectedException e = reject(mapping, row("\"abc,t,u,d,1,2,3"));
      assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
      assertThat(e.getMessage()).startsWith(OBJECT + " line 7, field #0: ").contains("no closing");
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
      RowRejectedException e = reject(mapping, row("\"abc\"x,t,u,d,1,2,3"));
      assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
      assertThat(e.getMessage()).contains("field #0").contains("after a closing quote");
    }

    @Test
    void rejectsAQuoteInsideAnUnquotedField() {
      RowRejectedException e = reject(mapping, row("i,t,ab\"c,d,1,2,3"));
      assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
      assertThat(e.getMessage()).contains("field #2");
    }
  }

  @Nested
  class Rejects {
    private final SchemaMapping mapping = withHeader().build();

    @Test
    void aRowWithMoreOrFewerColumnsThanTheHeader() {
      RowRejectedException e = reject(mapping, row("u,2024-03-01,a,clean,1,0.5"));
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
      assertThat(e.reason().code()).isEqualTo("wrong_column_count");
      assertThat(e.getMessage())
          .isEqualTo(OBJECT + " line 7: expected 7 columns as in the header, got 6");
    }

    @Test
    void aHeaderlessRowWithFewerColumnsThanTheMappingNames() {
      SchemaMapping indices =
          SchemaMapping.builder(SourceFormat.CSV).csvHeader(false).label("#4").build();
      RowRejectedException e = reject(indices, new RawRow(OBJECT, 2, "1,2,3", null));
      assertThat(e.reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
      assertThat(e.getMessage()).contains("expected at least 5 columns");
    }

    @Test
    void aHeaderlessRowThatDiffersFromTheObjectsFirstRowWhenAllRemainingAreFeatures()
        throws Exception {
      SchemaMapping indices =
          SchemaMapping.builder(SourceFormat.CSV).csvHeader(false).label("#0").build();
      CsvRowParser parser = new CsvRowParser(indices);
      parser.parse(new RawRow(OBJECT, 1, "1,2,3", null));
      assertThatThrownBy(() -> parser.parse(new RawRow(OBJECT, 2, "1,2,3,4", null)))
          .isInstanceOfSatisfying(
              RowRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT))
          .hasMessageContaining("as in the object's first row, got 4");
      // Another object may have its own width.
      assertThat(parser.parse(new RawRow("file:/other.csv", 1, "1,2,3,4", null)).features)
          .containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void anUnparseableFeatureNamingTheColumnAndTheType() {
      RowRejectedException e = reject(mapping, row("u,2024-03-01,a,clean,1,abc,2"));
      assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
      assertThat(e.field()).isEqualTo("'f1' (column #5, schema.features)");
      assertThat(e.getMessage())
          .isEqualTo(
              OBJECT
                  + " line 7, field 'f1' (column #5, schema.features): expected a float32 number"
                  + " (schema.feature-type=float32), got \"abc\"");
    }

    @Test
    void anEmptyFeature() {
      RowRejectedException e = reject(mapping, row("u,2024-03-01,a,clean,1,,2"));
      assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
      assertThat(e.getMessage()).endsWith("got an empty value");
    }

    @Test
    void anUnparseableLabel() {
      RowRejectedException e = reject(mapping, row("u,2024-03-01,a,clean,yes,1,2"));
      assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
      assertThat(e.getMessage()).contains("field 'y' (column #4, schema.label)");
    }

    @Test
    void nanAndInfinityUnlessAllowed() throws Exception {
      for (String bad : List.of("NaN", "Infinity", "-Infinity", "1e39")) {
        RowRejectedException e = reject(mapping, row("u,2024-03-01,a,clean,1," + bad + ",2"));
        assertThat(e.reason()).isEqualTo(RejectReason.NON_FINITE);
        assertThat(e.getMessage())
            .contains("field 'f1'")
            .contains("expected a finite number")
            .contains("schema.allow-non-finite=true");
      }
      SchemaMapping allowing = withHeader().allowNonFinite(true).build();
      assertThat(parse(allowing, row("u,2024-03-01,a,clean,NaN,Infinity,-Infinity")).features)
          .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void aLabelBeyondTheFloat32RangeItIsWrittenInIsNonFinite() {
      for (String label : List.of("1e40", "3.5e38", "-1e39")) {
        RowRejectedException e = reject(mapping, row("u,2024-03-01,a,clean," + label + ",1,2"));
        assertThat(e.reason()).as(label).isEqualTo(RejectReason.NON_FINITE);
        assertThat(e.getMessage())
            .contains("field 'y' (column #4, schema.label)")
            .contains("float32 range");
      }
    }

    @Test
    void lowerCaseNanAndInfAreNonFiniteLikeTheirCapitalisedSpellings() {
      for (String bad : List.of("nan", "inf", "-inf", "NAN", "Inf")) {
        assertThat(reject(mapping, row("u,2024-03-01,a,clean,1," + bad + ",2")).reason())
            .as(bad)
            .isEqualTo(RejectReason.NON_FINITE);
      }
    }

    @Test
    void javaLiteralSyntaxIsAnUnparseableNumberNotData() {
      for (String bad : List.of("1.5d", "2.5f", "0x1p3", "+2.5")) {
        assertThat(reject(mapping, row("u,2024-03-01,a,clean,1," + bad + ",2")).reason())
            .as("feature " + bad)
            .isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
        assertThat(reject(mapping, row("u,2024-03-01,a,clean," + bad + ",1,2")).reason())
            .as("label " + bad)
            .isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
      }
    }

    @Test
    void aBadTimestamp() {
      RowRejectedException e = reject(mapping, row("u,01/03/2024,a,clean,1,1,2"));
      assertThat(e.reason()).isEqualTo(RejectReason.BAD_TIMESTAMP);
      assertThat(e.getMessage())
          .contains("field 'ts' (column #1, schema.timestamp)")
          .contains("expected an ISO-8601 date or date-time")
          .endsWith("got \"01/03/2024\"");
    }

    @Test
    void aMissingTimestampGroupDomainLabelOrId() {
      assertThat(reject(mapping, row("u,,a,clean,1,1,2")).reason())
          .isEqualTo(RejectReason.MISSING_TIMESTAMP);
      assertThat(reject(mapping, row("u,2024-03-01,,clean,1,1,2")).reason())
          .isEqualTo(RejectReason.MISSING_GROUP);
      assertThat(reject(mapping, row("u,2024-03-01,a, ,1,1,2")).reason())
          .isEqualTo(RejectReason.MISSING_DOMAIN);
      assertThat(reject(mapping, row("u,2024-03-01,a,clean,,1,2")).reason())
          .isEqualTo(RejectReason.MISSING_LABEL);
      RowRejectedException id = reject(mapping, row(",2024-03-01,a,clean,1,1,2"));
      assertThat(id.reason()).isEqualTo(RejectReason.MISSING_ID);
      assertThat(id.getMessage())
          .isEqualTo(
              OBJECT + " line 7, field 'id' (column #0, schema.id): expected a value, got none");
    }

    @Test
    void everyRowWhenTheHeaderLacksAMappedColumn() {
      SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).group("speaker").build();
      RowRejectedException e = reject(mapping, row("u,t,a,d,1,2,3"));
      assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_COLUMN);
      assertThat(e.getMessage())
          .contains("the header has no column 'speaker' named by schema.group")
          .contains("[id, ts, user, domain, y, f1, f2]");
    }
  }

  @Nested
  class FeatureTypes {
    @Test
    void float32ValuesAreTheNearestFloat() throws Exception {
      SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).csvHeader(false).build();
      ParsedRecord r =
          parse(mapping, new RawRow(OBJECT, 1, "0.1,1.00000017881393432617187499", null));
      assertThat(r.features[0]).isEqualTo((double) 0.1f);
      // Via double this would round twice and land on 1.0000002f; directly it is 1.0000001f.
      assertThat((float) r.features[1]).isEqualTo(Float.parseFloat("1.00000017881393432617187499"));
    }

    @Test
    void float64ValuesAreTheNearestDouble() throws Exception {
      SchemaMapping mapping =
          SchemaMapping.builder(SourceFormat.CSV)
              .csvHeader(false)
              .featureType(FeatureType.FLOAT64)
              .build();
      ParsedRecord r = parse(mapping, new RawRow(OBJECT, 1, "0.1,1e-300", null));
      assertThat(r.features).containsExactly(0.1, 1e-300);
      assertThat(r.featureType).isEqualTo(FeatureType.FLOAT64);
    }

    @Test
    void int32AcceptsIntegersAndRejectsFractionsAndOverflow() throws Exception {
      SchemaMapping mapping =
          SchemaMapping.builder(SourceFormat.CSV)
              .csvHeader(false)
              .featureType(FeatureType.INT32)
              .build();
      CsvRowParser parser = new CsvRowParser(mapping);
      assertThat(parser.parse(new RawRow(OBJECT, 1, "-7,2147483647,3.0", null)).features)
          .containsExactly(-7.0, 2147483647.0, 3.0);
      for (String bad : List.of("1.5", "2147483648", "1e10", "x")) {
        assertThatThrownBy(() -> parser.parse(new RawRow(OBJECT, 2, "1,2," + bad, null)))
            .isInstanceOfSatisfying(
                RowRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER))
            .hasMessageContaining("field #2 (schema.features): expected an int32 integer");
      }
    }
  }

  @Nested
  class DuplicateHeaderNames {
    @Test
    void aRepeatedNameTheSchemaUsesRejectsEveryRowNamingBothColumns() {
      SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).label("label").build();
      RowRejectedException e = reject(mapping, new RawRow(OBJECT, 2, "1,1,2", "label,f1,label"));
      assertThat(e.reason()).isEqualTo(RejectReason.DUPLICATE_COLUMN);
      assertThat(e.getMessage())
          .contains("the header names 'label' twice, columns #0 and #2")
          .contains("the schema mapping uses that name");
    }

    @Test
    void aRepeatedNameThatStarWouldTakeTwiceIsRefusedToo() {
      SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).label("y").build();
      RowRejectedException e = reject(mapping, new RawRow(OBJECT, 2, "0,1,2", "y,f,f"));
      assertThat(e.reason()).isEqualTo(RejectReason.DUPLICATE_COLUMN);
      assertThat(e.getMessage()).contains("schema.features * would take both");
    }

    @Test
    void aRepeatedNameNobodyReadsIsFine() throws Exception {
      SchemaMapping mapping =
          SchemaMapping.builder(SourceFormat.CSV).label("y").features(List.of("a")).build();
      assertThat(parse(mapping, new RawRow(OBJECT, 2, "0,1,x,x", "y,a,note,note")).features)
          .containsExactly(1.0);
    }
  }

  @Nested
  class RowsTheReaderFoundWrong {
    @Test
    void aLineThatIsNotUtf8IsRejectedAsInvalidUtf8() {
      SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).id("id").build();
      RawRow row = RawRow.defective(OBJECT, 3, "Jos\uFFFD,1", "id,f", "invalid_utf8");
      RowRejectedException e = reject(mapping, row);
      assertThat(e.reason()).isEqualTo(RejectReason.INVALID_UTF8);
      assertThat(e.getMessage()).contains(OBJECT + " line 3").contains("character 4");
    }

    @Test
    void aRowOfOnlyDelimitersIsCountedAndRejectedLikeAnyOther() {
      SchemaMapping mapping =
          SchemaMapping.builder(SourceFormat.CSV).csvDelimiter('\t').label("a").build();
      assertThat(reject(mapping, new RawRow(OBJECT, 3, "\t\t", "a\tb\tc")).reason())
          .isEqualTo(RejectReason.MISSING_LABEL);
    }
  }

  @Test
  void resolvesTheHeaderAgainWhenAnotherObjectHasAnotherHeader() throws Exception {
    SchemaMapping mapping = SchemaMapping.builder(SourceFormat.CSV).label("y").build();
    CsvRowParser parser = new CsvRowParser(mapping);
    assertThat(parser.parse(new RawRow("a", 1, "1,2", "y,f")).label).containsExactly(1.0);
    assertThat(parser.parse(new RawRow("b", 1, "1,2", "f,y")).label).containsExactly(2.0);
  }
}
