package dev.sluice.splitters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.ChannelFractions;
import dev.sluice.splitters.PropertySeed;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.Splitter;
import dev.sluice.splitters.Statistics;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.audit.AuditReport;
import dev.sluice.splitters.audit.LeakageAuditor;
import dev.sluice.splitters.group.GroupCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DomainSplitterProperties {

  @Provide
  Arbitrary<String> presets() {
    return Arbitraries.of("clean-train-noisy-eval", "clean-split-noisy-mixed");
  }

  @Provide
  Arbitrary<double[]> fractions() {
    return Statistics.threeFractions();
  }

  @Property(seed = PropertySeed.FIXED, tries = 30)
  void presetTablesAreRespectedWithinFiveBinomialStandardDeviations(
      @ForAll("presets") String preset, @ForAll long seed) {
    DomainSplitSpec spec =
        (DomainSplitSpec) DomainSplitSpec.builder().preset(preset).seed(seed).build();
    Splitter s = spec.splitter();
    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    int n = 3000;
    for (String domain : List.of("clean", "noisy")) {
      for (int i = 0; i < n; i++) {
        SplitFields f = SplitFields.ofDomain(domain + "-" + i, domain, null);
        auditor.record(f, s.assign(f));
      }
    }
    AuditReport report = auditor.report();
    assertThat(report.violations()).isEmpty();
    DomainPreset p = DomainPreset.fromKey(preset);
    for (AuditReport.DomainFigures d : report.domains()) {
      Map<String, Double> table = d.domain().equals("clean") ? p.clean() : p.noisy();
      for (String channel : List.of("train", "validation", "test")) {
        double want = table.getOrDefault(channel, 0.0);
        long got = d.recordsPerChannel().get(channel);
        if (want == 0.0) {
          assertThat(got).as("%s records in %s", d.domain(), channel).isZero();
        } else {
          Statistics.assertWithinFiveSigma(d.domain() + " " + channel, got, n, want);
        }
      }
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 30)
  void explicitRoutesOverrideThePresetAndAreRespected(
      @ForAll("fractions") double[] clean, @ForAll long seed) {
    Splitter s =
        ((UnplannedSpec)
                DomainSplitSpec.builder()
                    .preset("clean-train-noisy-eval")
                    .route("clean", clean)
                    .route("synthetic", 1.0, 0.0, 0.0)
                    .seed(seed)
                    .build())
            .splitter();
    int n = 3000;
    long[] counts = new long[3];
    for (int i = 0; i < n; i++) {
      counts[s.assign(SplitFields.ofDomain("c" + i, "clean", null)).channelIndex()]++;
      assertThat(s.assign(SplitFields.ofDomain("s" + i, "synthetic", null)).channel().name())
          .isEqualTo("train");
    }
    for (int c = 0; c < 3; c++) {
      Statistics.assertWithinFiveSigma("clean channel " + c, counts[c], n, clean[c]);
    }
  }

  @Property(seed = PropertySeed.FIXED, tries = 60)
  void aGroupFoundInSeveralDomainsStaysInOneChannelAndFollowsItsAnchorDomain(
      @ForAll("presets") String preset,
      @ForAll long seed,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 30) Integer> speakers,
      @ForAll @Size(min = 300, max = 300) List<Boolean> noisy) {
    DomainGroupSpec spec =
        (DomainGroupSpec)
            DomainSplitSpec.builder()
                .preset(preset)
                .inner("group")
                .crossDomainGroups("follow-majority")
                .seed(seed)
                .build();
    List<SplitFields> records = new ArrayList<>();
    for (int i = 0; i < speakers.size(); i++) {
      String domain = noisy.get(i) ? "noisy" : "clean";
      records.add(SplitFields.ofDomain("r" + i, domain, "speaker-" + speakers.get(i)));
    }
    GroupCounts a = (GroupCounts) spec.newAccumulator();
    GroupCounts b = (GroupCounts) spec.newAccumulator();
    for (int i = 0; i < records.size(); i++) {
      (i % 3 == 0 ? a : b).add(records.get(i));
    }
    a.merge(Statistics.roundTrip(b));
    DomainGroupPlan plan = (DomainGroupPlan) spec.plan(a);
    Splitter s = Statistics.roundTrip(spec.splitter(plan));

    LeakageAuditor auditor = new LeakageAuditor(s.expectations());
    Map<String, Integer> channelOf = new HashMap<>();
    for (SplitFields f : records) {
      Assignment asg = s.assign(f);
      auditor.record(f, asg);
      assertThat(channelOf.merge(f.group(), asg.channelIndex(), (x, y) -> x))
          .as("channel of %s", f.group())
          .isEqualTo(asg.channelIndex());
      // The channel is the group hash through the anchor domain's table.
      String anchor = plan.anchorOf(f.group());
      String routedBy = anchor == null ? f.domain() : anchor;
      ChannelFractions route = spec.routes().get(routedBy);
      assertThat(asg.channelIndex())
          .isEqualTo(route.indexFor(dev.sluice.splitters.SplitHash.unit(f.group(), seed)));
      assertThat(asg.isRerouted()).isEqualTo(anchor != null && !anchor.equals(f.domain()));
    }
    AuditReport report = auditor.report();
    assertThat(report.violations()).isEmpty();
  }
}
