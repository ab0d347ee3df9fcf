package dev.sluice.splitters.bench;

import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.domain.DomainGroupSpec;
import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.BalancedGroupSpec;
import dev.sluice.splitters.group.GroupCounts;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.time.TimeFractionsSpec;
import dev.sluice.splitters.time.TimeSplitSpec;
import dev.sluice.splitters.time.TimestampHistogram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Assignment cost per record for each strategy (ns/op). Records cycle through a pre-built array of
 * 4096 realistic keys so the benchmark measures hashing and routing, not string building.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AssignmentBenchmark {
  private static final int N = 4096;

  private SplitFields[] records;
  private int next;
  private Splitter random;
  private Splitter groupHash;
  private Splitter groupBalanced;
  private Splitter timeCutoffs;
  private Splitter timeFractions;
  private Splitter domainRandom;
  private Splitter domainGroup;

  @Setup
  public void setUp() {
    records = new SplitFields[N];
    for (int i = 0; i < N; i++) {
      records[i] =
          new SplitFields(
              "s3://sluice-bench/input/part-00042.csv:" + (1_000_000 + i),
              "speaker-" + (i % 512),
              i % 4 == 0 ? "noisy" : "clean",
              1_700_000_000_000L + i * 60_000L,
              true);
    }
    random = ((UnplannedSpec) RandomSplitSpec.builder().seed(7).build()).splitter();
    groupHash = ((UnplannedSpec) GroupSplitSpec.builder().seed(7).build()).splitter();
    BalancedGroupSpec balanced =
        (BalancedGroupSpec) GroupSplitSpec.builder().seed(7).balanced(true).build();
    GroupCounts counts = (GroupCounts) balanced.newAccumulator();
    for (SplitFields f : records) {
      counts.add(f);
    }
    groupBalanced = balanced.splitter(balanced.plan(counts));
    timeCutoffs =
        ((UnplannedSpec)
                TimeSplitSpec.builder()
                    .validationStart("2023-11-16")
                    .testStart("2023-11-17")
                    .gap(java.time.Duration.ofHours(1))
                    .build())
            .splitter();
    TimeFractionsSpec fractions = (TimeFractionsSpec) TimeSplitSpec.builder().build();
    TimestampHistogram h = (TimestampHistogram) fractions.newAccumulator();
    for (SplitFields f : records) {
      h.add(f);
    }
    timeFractions = fractions.splitter(fractions.plan(h));
    domainRandom =
        ((UnplannedSpec)
                DomainSplitSpec.builder().seed(7).preset("clean-split-noisy-mixed").build())
            .splitter();
    DomainGroupSpec domainGroupSpec =
        (DomainGroupSpec)
            DomainSplitSpec.builder()
                .seed(7)
                .preset("clean-split-noisy-mixed")
                .inner("group")
                .crossDomainGroups("follow-majority")
                .build();
    GroupCounts byDomain = (GroupCounts) domainGroupSpec.newAccumulator();
    for (SplitFields f : records) {
      byDomain.add(f);
    }
    domainGroup = domainGroupSpec.splitter(domainGroupSpec.plan(byDomain));
  }

  private SplitFields nextRecord() {
    next = (next + 1) & (N - 1);
    return records[next];
  }

  @Benchmark
  public Object random() {
    return random.assign(nextRecord());
  }

  @Benchmark
  public Object groupHash() {
    return groupHash.assign(nextRecord());
  }

  @Benchmark
  public Object groupBalanced() {
    return groupBalanced.assign(nextRecord());
  }

  @Benchmark
  public Object timeCutoffs() {
    return timeCutoffs.assign(nextRecord());
  }

  @Benchmark
  public Object timeFractions() {
    return timeFractions.assign(nextRecord());
  }

  @Benchmark
  public Object domainRandom() {
    return domainRandom.assign(nextRecord());
  }

  /** The hash of a 45-byte key alone, for comparison with the strategies. */
  @Benchmark
  public long hashKey() {
    return dev.sluice.splitters.SplitHash.hash(nextRecord().key(), 7);
  }

  @Benchmark
  public Object domainGroup() {
    return domainGroup.assign(nextRecord());
  }
}
