package dev.sluice.splitters.random;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.PropertySeed;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.UnplannedSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RandomSplitterProperties {

  @Provide
  Arbitrary<double[]> fractions() {
    return Statistics.threeFractions();
  }

  @Property(seed = PropertySeed.FIXED, tries = 200)
  void theSameKeyAlwaysLandsInTheSameChannelWhateverTheInstanceOrShipping(
      @ForAll String key, @ForAll long seed, @ForAll("fractions") double[] f) {
    Splitter a =
        ((UnplannedSpec) RandomSplitSpec.builder().seed(seed).fractions(f).build()).splitter();
    Splitter b =
        Statistics.roundTrip(
            ((UnplannedSpec) RandomSplitSpec.builder().seed(seed).fractions(f).build()).splitter());
    SplitFields fields = SplitFields.ofKey(key);
    assertThat(a.assign(fields)).isEqualTo(b.assign(fields)).isEqualTo(a.assign(fields));
  }

  @Property(seed = PropertySeed.FIXED, tries = 40)
  void realisedFractionsAreWithinFiveBinomialStandardDeviations(
      @ForAll long seed, @ForAll("fractions") double[] f) {
    Splitter s =
        ((UnplannedSpec) RandomSplitSpec.builder().seed(seed).fractions(f).build()).splitter();
    int n = 5000;
    long[] counts = new long[3];
    for (int i = 0; i < n; i++) {
      counts[s.assign(SplitFields.ofKey("s3://bucket/data.csv:" + i)).channelIndex()]++;
    }
    for (int c = 0; c < 3; c++) {
      Statistics.assertWithinFiveSigma("channel " + c, counts[c], n, f[c]);
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 20)
  void aRecordWithoutKeyIsRejectedNotDropped(@ForAll long seed) {
    Splitter s = ((UnplannedSpec) RandomSplitSpec.builder().seed(seed).build()).splitter();
    Assignment a = s.assign(SplitFields.ofKey(null));
    assertThat(a.kind()).isEqualTo(Assignment.Kind.REJECTED);
    assertThat(a.reason()).isEqualTo(Assignment.Reason.MISSING_KEY);
  }
}
