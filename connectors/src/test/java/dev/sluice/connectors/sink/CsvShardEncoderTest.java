package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.connectors.protobuf.DecodedValue;
import dev.sluice.connectors.protobuf.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A CSV row reads back to the numbers the RecordIO-protobuf record of the same record holds. */
class CsvShardEncoderTest {
  private static final long[] NONE = new long[0];

  @Test
  void aDenseRowIsTheLabelThenTheFeaturesWithoutHeaderOrUid() {
    String row = csv(dense(FeatureType.FLOAT32, new double[] {1}, 0.5, 2, -3.25));

    assertThat(row).isEqualTo("1.0,0.5,2.0,-3.25\n");
  }

  @Test
  void anUnlabelledRowIsTheFeaturesAlone() {
    assertThat(csv(dense(FeatureType.INT32, null, 4, 5))).isEqualTo("4,5\n");
  }

  @Test
  void aSparseRowIsWrittenOutDenselyWithZeros() {
    ParsedRecord record = dense(FeatureType.FLOAT32, new double[] {0});
    record.features = null;
    record.sparseKeys = new long[] {1, 3};
    record.sparseValues = new double[] {7, 8};
    record.dimension = 5;

    assertThat(csv(record)).isEqualTo("0.0,0,7.0,0,8.0,0\n");
  }

  @Test
  void everyRowReadsBackToTheNumbersOfItsRecordIORecord() throws Exception {
    Random random = new Random(11);
    for (FeatureType type : FeatureType.values()) {
      for (int i = 0; i < 2_000; i++) {
        double[] features = new double[1 + random.nextInt(6)];
        for (int f = 0; f < features.length; f++) {
          features[f] =
              switch (type) {
                case FLOAT32 ->
                    (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
                case FLOAT64 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                case INT32 -> random.nextInt();
              };
        }
        double[] label = i % 3 == 0 ? null : new double[] {random.nextInt(3) * 0.5};
        ParsedRecord record = dense(type, label, features);

        DecodedRecord decoded = recordIO(record);
        String[] cells = csv(record).strip().split(",", -1);

        int first = 0;
        if (label != null) {
          assertThat(Float.parseFloat(cells[0]))
              .isEqualTo(decoded.label().get("values").floats()[0]);
          first = 1;
        }
        assertThat(readBack(type, Arrays.copyOfRange(cells, first, cells.length)))
            .isEqualTo(decoded.features().get("values"));
      }
    }
  }

  private static DecodedValue readBack(FeatureType type, String[] cells) {
    return switch (type) {
      case FLOAT32 -> {
        float[] values = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
          values[i] = Float.parseFloat(cells[i]);
        }
        yield DecodedValue.float32(values, NONE, NONE);
      }
      case FLOAT64 ->
          DecodedValue.float64(
              Arrays.stream(cells).mapToDouble(Double::parseDouble).toArray(), NONE, NONE);
      case INT32 ->
          DecodedValue.int32(
              Arrays.stream(cells).mapToInt(Integer::parseInt).toArray(), NONE, NONE);
    };
  }

  static ParsedRecord dense(FeatureType type, double[] label, double... features) {
    ParsedRecord record = new ParsedRecord();
    record.object = "s3://in/a.csv";
    record.line = 7;
    record.featureType = type;
    record.label = label;
    record.features = features;
    record.dimension = features.length;
    return record;
  }

  private static String csv(ParsedRecord record) {
    ShardEncoder encoder = ShardFormat.CSV.newEncoder();
    encoder.encode(record, record.uid());
    return new String(encoder.array(), 0, encoder.length(), StandardCharsets.US_ASCII);
  }

  private static DecodedRecord recordIO(ParsedRecord record) throws Exception {
    ShardEncoder encoder = ShardFormat.RECORDIO_PROTOBUF.newEncoder();
    encoder.encode(record, record.uid());
    return RecordDecoder.decode(encoder.array(), 0, encoder.length());
  }
}
