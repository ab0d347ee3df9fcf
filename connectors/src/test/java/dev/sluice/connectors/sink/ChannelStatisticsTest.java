package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.parse.FeatureType;
import dev.sluice.connectors.parse.ParsedRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelStatisticsTest {

  @Test
  void countsRecordsDimensionAndLabelValues() {
    ChannelStatistics statistics = new ChannelStatistics();
    for (int i = 0; i < 10; i++) {
      statistics.add(record(new double[] {i % 3 == 0 ? 1 : 0}, 4));
    }

    assertThat(statistics.records()).isEqualTo(10);
    assertThat(statistics.featureDim()).isEqualTo(4);
    assertThat(statistics.singleDimension()).isTrue();
    assertThat(statistics.scalarLabels()).isTrue();
    assertThat(statistics.labelCounts()).containsExactly(Map.entry(0.0, 6L), Map.entry(1.0, 4L));
    assertThat(statistics.describe())
        .containsEntry("num_records", 10L)
        .containsEntry("feature_dim", 4L)
        .containsEntry("sparse", false);
  }

  @Test
  void mergingSubtasksInAnyOrderGivesTheSameFigures() {
    ChannelStatistics a = new ChannelStatistics();
    ChannelStatistics b = new ChannelStatistics();
    ChannelStatistics c = new ChannelStatistics();
    for (int i = 0; i < 30; i++) {
      (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(record(new double[] {i % 5}, 2 + i % 2));
    }

    ChannelStatistics abc = a.copy();
    abc.merge(b);
    abc.merge(c);
    ChannelStatistics cba = c.copy();
    cba.merge(b);
    cba.merge(a);

    assertThat(abc.describe()).isEqualTo(cba.describe());
    assertThat(abc.records()).isEqualTo(30);
    assertThat(abc.singleDimension()).isFalse();
    assertThat(abc.minDimension()).isEqualTo(2);
    assertThat(abc.featureDim()).isEqualTo(3);
    assertThat(abc.labelCounts()).hasSize(5).containsEntry(0.0, 6L);
  }

  @Test
  void aLabelWithManyValuesIsDescribedByItsRange() {
    ChannelStatistics statistics = new ChannelStatistics();
    for (int i = 0; i < 1_000; i++) {
      statistics.add(record(new double[] {i * 0.25}, 1));
    }

    assertThat(statistics.labelCountsComplete()).isFalse();
    assertThat(statistics.labelCounts()).isEmpty();
    assertThat(statistics.minLabel()).isEqualTo(0.0);
    assertThat(statistics.maxLabel()).isEqualTo(249.75);
    assertThat(statistics.integralLabels()).isFalse();
    @SuppressWarnings("unchecked")
    Map<String, Object> label = (Map<String, Object>) statistics.describe().get("label");
    assertThat(label).containsEntry("type", "float").doesNotContainKey("value_counts");
  }

  @Test
  void unlabelledAndSparseRecordsSaySo() {
    ChannelStatistics statistics = new ChannelStatistics();
    ParsedRecord sparse = record(null, 0);
    sparse.features = null;
    sparse.sparseKeys = new long[] {3};
    sparse.sparseValues = new double[] {1};
    sparse.dimension = 1_000;
    statistics.add(sparse);

    assertThat(statistics.labelled()).isFalse();
    assertThat(statistics.sparse()).isTrue();
    assertThat(statistics.describe()).containsEntry("feature_dim", 1_000L).containsKey("shape");
  }

  private static ParsedRecord record(double[] label, int dimension) {
    return CsvShardEncoderTest.dense(FeatureType.FLOAT32, label, new double[dimension]);
  }
}
