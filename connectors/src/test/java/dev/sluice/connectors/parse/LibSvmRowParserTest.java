package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import org.junit.jupiter.api.Test;

class LibSvmRowParserTest {

  private static final String OBJECT = "file:/data/train.libsvm";
  private static final SchemaMapping ONE_BASED =
      SchemaMapping.builder(SourceFormat.LIBSVM).libsvmDimension(10).build();

  private static ParsedRecord parse(SchemaMapping mapping, String text) throws Exception {
    return new LibSvmRowParser(mapping).parse(new RawRow(OBJECT, 4, text, null));
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
  void readsSparseEntriesWithZeroBasedKeys() throws Exception {
    ParsedRecord r = parse(ONE_BASED, "+1 1:0.5 3:-2\t10:7 # a comment");

    assertThat(r.label).containsExactly(1.0);
    assertThat(r.isSparse()).isTrue();
    assertThat(r.sparseKeys).containsExactly(0L, 2L, 9L);
    assertThat(r.sparseValues).containsExactly(0.5, -2.0, 7.0);
    assertThat(r.dimension).isEqualTo(10);
    assertThat(r.features).isNull();
    assertThat(r.uid()).isEqualTo(OBJECT + ":4");
  }

  @Test
  void readsZeroBasedIndicesWhenConfigured() throws Exception {
    SchemaMapping zeroBased =
        SchemaMapping.builder(SourceFormat.LIBSVM)
            .libsvmDimension(10)
            .libsvmZeroBased(true)
            .build();
    assertThat(parse(zeroBased, "0 0:1 9:2").sparseKeys).containsExactly(0L, 9L);
    assertThat(reject(zeroBased, "0 10:1").getMessage())
        .contains(
            "expected an index from 0 to 9 (source.libsvm.dimension=10, source.libsvm.zero-based=true)");
  }

  @Test
  void skipsQidAndAcceptsARowWithNoEntries() throws Exception {
    assertThat(parse(ONE_BASED, "2 qid:7 4:1").sparseKeys).containsExactly(3L);
    assertThat(parse(ONE_BASED, "0").sparseKeys).isEmpty();
  }

  @Test
  void rejectsIndicesOutsideTheDimension() {
    for (String bad : new String[] {"1 0:1", "1 11:1"}) {
      RowRejectedException e = reject(ONE_BASED, bad);
      assertThat(e.reason()).isEqualTo(RejectReason.BAD_SPARSE_INDEX);
      assertThat(e.getMessage())
          .startsWith(OBJECT + " line 4, field index ")
          .contains("expected an index from 1 to 10 (source.libsvm.dimension=10, 1-based)");
    }
  }

  @Test
  void rejectsIndicesNotInAscendingOrder() {
    RowRejectedException e = reject(ONE_BASED, "1 3:1 2:1");
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_SPARSE_INDEX);
    assertThat(e.getMessage())
        .isEqualTo(
            OBJECT
                + " line 4, field index 2: expected indices in strictly ascending order, but it"
                + " follows index 3");
    assertThat(reject(ONE_BASED, "1 3:1 3:2").reason()).isEqualTo(RejectReason.BAD_SPARSE_INDEX);
  }

  @Test
  void rejectsANonIntegerIndex() {
    RowRejectedException e = reject(ONE_BASED, "1 a:1");
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_SPARSE_INDEX);
    assertThat(e.getMessage()).contains("expected a non-negative integer index, got \"a\"");
  }

  @Test
  void rejectsAnEntryWithoutAColon() {
    RowRejectedException e = reject(ONE_BASED, "1 2:1 7");
    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_LIBSVM);
    assertThat(e.getMessage())
        .isEqualTo(OBJECT + " line 4, field entry 2: expected index:value, got \"7\"");
  }

  @Test
  void rejectsBadValuesAndLabels() {
    RowRejectedException value = reject(ONE_BASED, "1 2:x");
    assertThat(value.reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
    assertThat(value.getMessage())
        .isEqualTo(
            OBJECT
                + " line 4, field index 2: expected a float32 number"
                + " (schema.feature-type=float32), got \"x\"");
    assertThat(reject(ONE_BASED, "1 2:NaN").reason()).isEqualTo(RejectReason.NON_FINITE);
    assertThat(reject(ONE_BASED, "abc 2:1").reason()).isEqualTo(RejectReason.UNPARSEABLE_NUMBER);
    assertThat(reject(ONE_BASED, "   ").reason()).isEqualTo(RejectReason.MISSING_LABEL);
  }

  @Test
  void parsesValuesAsTheFeatureType() throws Exception {
    SchemaMapping ints =
        SchemaMapping.builder(SourceFormat.LIBSVM)
            .libsvmDimension(10)
            .featureType(FeatureType.INT32)
            .build();
    assertThat(parse(ints, "1 1:3").sparseValues).containsExactly(3.0);
    assertThat(reject(ints, "1 1:3.5").getMessage()).contains("expected an int32 integer");
  }
}
