package dev.sluice.splitters.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.SplitConfigException;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.UnplannedSpec;
import dev.sluice.splitters.group.GroupCounts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainSplitSpecTest {

  @Test
  void presetsGiveTheDocumentedTablesOverTrainValidationTest() {
    DomainSplitSpec eval =
        (DomainSplitSpec) DomainSplitSpec.builder().preset("clean-train-noisy-eval").build();
    assertThat(eval.routes().get("clean").fractions()).containsExactly(1.0, 0.0, 0.0);
    assertThat(eval.routes().get("noisy").fractions()).containsExactly(0.0, 0.5, 0.5);
    DomainSplitSpec mixed =
        (DomainSplitSpec) DomainSplitSpec.builder().preset("clean-split-noisy-mixed").build();
    assertThat(mixed.routes().get("clean").fractions()).containsExactly(0.9, 0.1, 0.0);
    assertThat(mixed.routes().get("noisy").fractions()).containsExactly(0.0, 0.3, 0.7);
  }

  @Test
  void presetsApplyToTheConfiguredCleanAndNoisyValues() {
    DomainSplitSpec spec =
        (DomainSplitSpec)
            DomainSplitSpec.builder()
                .preset("clean-train-noisy-eval")
                .clean("studio")
                .noisy("street")
                .build();
    assertThat(spec.routes().keySet()).containsExactly("studio", "street");
  }

  @Test
  void anUnknownDomainIsRejectedWithAReasonOrTakesTheDefaultRoute() {
    var strict =
        ((UnplannedSpec) DomainSplitSpec.builder().preset("clean-train-noisy-eval").build())
            .splitter();
    assertThat(strict.assign(SplitFields.ofDomain("r", "phone", null)).reason())
        .isEqualTo(Assignment.Reason.UNKNOWN_DOMAIN);
    assertThat(strict.assign(SplitFields.ofDomain("r", null, null)).reason())
        .isEqualTo(Assignment.Reason.MISSING_DOMAIN);
    var lenient =
        ((UnplannedSpec)
                DomainSplitSpec.builder()
                    .preset("clean-train-noisy-eval")
                    .defaultRoute("clean")
                    .build())
            .splitter();
    assertThat(lenient.assign(SplitFields.ofDomain("r", "phone", null)).channel().name())
        .isEqualTo("train");
  }

  @Test
  void aDomainSeenInThePlanningPassWithoutARouteIsAConfigurationError() {
    DomainGroupSpec spec =
        (DomainGroupSpec)
            DomainSplitSpec.builder().preset("clean-train-noisy-eval").inner("group").build();
    GroupCounts counts = new GroupCounts();
    counts.add("s1", "clean", 3);
    counts.add("s2", "phone", 2);
    assertThatThrownBy(() -> spec.plan(counts))
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining(
            "split.domain.routes.phone: domain value 'phone' occurs in the data but has no route;"
                + " add split.domain.routes.phone (fractions for [train, validation, test]), or"
                + " set split.domain.default-route to one of [clean, noisy]");
  }

  @Test
  void domainWithGroupInnerNeedsAPlanAndIsRefusedWithoutOne() {
    DomainGroupSpec spec =
        (DomainGroupSpec)
            DomainSplitSpec.builder().preset("clean-train-noisy-eval").inner("group").build();
    assertThat(spec.needsPlanningPass()).isTrue();
    assertThat(
            DomainSplitSpec.builder().preset("clean-train-noisy-eval").build().needsPlanningPass())
        .isFalse();
    assertThat(spec).isInstanceOf(PlannedSpec.class).isNotInstanceOf(UnplannedSpec.class);
  }

  @Test
  void anchorsACrossDomainGroupWhereItHasMostRecordsAndTiesToTheFirstDomainInTableOrder() {
    DomainGroupSpec spec =
        (DomainGroupSpec)
            DomainSplitSpec.builder()
                .preset("clean-train-noisy-eval")
                .inner("group")
                .crossDomainGroups("follow-majority")
                .build();
    GroupCounts counts = new GroupCounts();
    counts.add("mostly-noisy", "clean", 1);
    counts.add("mostly-noisy", "noisy", 5);
    counts.add("tied", "noisy", 2);
    counts.add("tied", "clean", 2);
    counts.add("clean-only", "clean", 4);
    DomainGroupPlan plan = (DomainGroupPlan) spec.plan(counts);
    assertThat(plan.anchorOf("mostly-noisy")).isEqualTo("noisy");
    assertThat(plan.anchorOf("tied")).isEqualTo("clean");
    assertThat(plan.anchorOf("clean-only")).isNull();
    assertThat(plan.describe())
        .containsEntry("cross_domain_groups", 2L)
        .containsEntry("policy", "follow-majority");

    var s = spec.splitter(plan);
    Assignment cleanRecordOfNoisySpeaker =
        s.assign(SplitFields.ofDomain("r", "clean", "mostly-noisy"));
    assertThat(cleanRecordOfNoisySpeaker.channel().name()).isIn("validation", "test");
    assertThat(cleanRecordOfNoisySpeaker.isRerouted()).isTrue();
    assertThat(s.assign(SplitFields.ofDomain("r", "noisy", "tied")).channel().name())
        .isEqualTo("train");
  }

  @Test
  void refusesAnUnknownPresetAndInnerStrategy() {
    assertThatThrownBy(
            () -> DomainSplitSpec.builder().preset("noisy-everywhere").inner("time").build())
        .isInstanceOf(SplitConfigException.class)
        .hasMessageContaining(
            "split.domain.preset: is 'noisy-everywhere'; use one of [clean-train-noisy-eval,"
                + " clean-split-noisy-mixed]")
        .hasMessageContaining("split.domain.inner: is 'time'; use random or group");
  }

  @Test
  void refusesAConfigurationWithoutAnyRoutingTable() {
    assertThatThrownBy(() -> DomainSplitSpec.builder().build())
        .hasMessageContaining(
            "split.domain.routes.<domain-value>: no routing table: give split.domain.preset");
  }

  @Test
  void refusesARouteThatIsNotAValidFractionList() {
    assertThatThrownBy(
            () ->
                DomainSplitSpec.builder()
                    .route("clean", 0.9, 0.2, 0.0)
                    .route("noisy", 0.5, 0.5)
                    .build())
        .hasMessageContaining("split.domain.routes.clean: fractions [0.9, 0.2, 0.0] sum to 1.1")
        .hasMessageContaining(
            "split.domain.routes.noisy: has 2 values [0.5, 0.5] but there are 3 channels");
  }

  @Test
  void refusesADefaultRouteWithoutARoute() {
    assertThatThrownBy(
            () ->
                DomainSplitSpec.builder()
                    .preset("clean-train-noisy-eval")
                    .defaultRoute("phone")
                    .build())
        .hasMessageContaining(
            "split.domain.default-route: is 'phone', which has no route; use one of [clean, noisy]"
                + " or add split.domain.routes.phone");
  }

  @Test
  void refusesTheSameValueForCleanAndNoisyOrAnEmptyOne() {
    assertThatThrownBy(
            () ->
                DomainSplitSpec.builder()
                    .preset("clean-train-noisy-eval")
                    .clean("x")
                    .noisy("x")
                    .build())
        .hasMessageContaining(
            "split.domain.noisy: equals split.domain.clean ('x'); clean and noisy must be"
                + " different");
    assertThatThrownBy(
            () -> DomainSplitSpec.builder().preset("clean-train-noisy-eval").clean(" ").build())
        .hasMessageContaining("split.domain.clean: is empty");
  }

  @Test
  void refusesAPresetWhoseChannelsAreMissingUnlessRoutesOverrideThem() {
    assertThatThrownBy(
            () ->
                DomainSplitSpec.builder()
                    .channels(List.of("fit", "eval"))
                    .preset("clean-train-noisy-eval")
                    .build())
        .hasMessageContaining(
            "split.domain.preset: clean-train-noisy-eval routes clean records to [train], which"
                + " split.channels [fit, eval] lacks");
    DomainSplitSpec overridden =
        (DomainSplitSpec)
            DomainSplitSpec.builder()
                .channels(List.of("fit", "eval"))
                .preset("clean-train-noisy-eval")
                .route("clean", 1.0, 0.0)
                .route("noisy", 0.0, 1.0)
                .build();
    assertThat(overridden.routes().keySet()).containsExactly("clean", "noisy");
  }

  @Test
  void refusesAnEmptyNoisyValueAndARouteWithoutDomainValue() {
    assertThatThrownBy(
            () -> DomainSplitSpec.builder().preset("clean-train-noisy-eval").noisy("").build())
        .hasMessageContaining("split.domain.noisy: is empty; give the domain value meaning noisy");
    assertThatThrownBy(() -> DomainSplitSpec.builder().route("", 1.0, 0.0, 0.0).build())
        .hasMessageContaining(
            "split.domain.routes.<domain-value>: a route has an empty domain value; name the"
                + " domain");
  }

  @Test
  void checkKnownDomainsAcceptsEverythingWithADefaultRoute() {
    DomainSplitSpec spec =
        (DomainSplitSpec)
            DomainSplitSpec.builder()
                .preset("clean-train-noisy-eval")
                .defaultRoute("noisy")
                .build();
    spec.domainRoutes().checkKnownDomains(Set.of("phone", "radio"));
  }
}
