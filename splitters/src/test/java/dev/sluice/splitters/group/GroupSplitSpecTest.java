package dev.sluice.splitters.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.splitters.Assignment;
import dev.sluice.splitters.PlannedSpec;
import dev.sluice.splitters.SplitFields;
import dev.sluice.splitters.UnplannedSpec;
import org.junit.jupiter.api.Test;

class GroupSplitSpecTest {

  @Test
  void hashModeNeedsNoPlanAndBalancedModeDoes() {
    assertThat(GroupSplitSpec.builder().build().needsPlanningPass()).isFalse();
    BalancedGroupSpec balanced =
        (BalancedGroupSpec) GroupSplitSpec.builder().balanced(true).build();
    assertThat(balanced.needsPlanningPass()).isTrue();
    assertThat(balanced.tolerance()).isEqualTo(0.01);
    assertThat(balanced.newAccumulator()).isInstanceOf(GroupCounts.class);
  }

  @Test
  void balancedModeWithoutAPlanIsRefusedWithAClearMessage() {
    assertThat(GroupSplitSpec.builder().balanced(true).build())
        .isInstanceOf(PlannedSpec.class)
        .isNotInstanceOf(UnplannedSpec.class);
  }

  @Test
  void refusesAToleranceOutsideZeroToOne() {
    assertThatThrownBy(() -> GroupSplitSpec.builder().balanced(true).tolerance(0).build())
        .hasMessageContaining("split.group.tolerance: is 0.0; it must be an absolute share")
        .hasMessageContaining("e.g. 0.01");
    assertThatThrownBy(() -> GroupSplitSpec.builder().balanced(true).tolerance(1.5).build())
        .hasMessageContaining("split.group.tolerance: is 1.5");
  }

  @Test
  void refusesAToleranceWithoutBalancedMode() {
    assertThatThrownBy(() -> GroupSplitSpec.builder().tolerance(0.02).build())
        .hasMessageContaining(
            "split.group.tolerance: is set to 0.02 but applies only in balanced mode; set"
                + " split.group.balanced = true");
  }

  @Test
  void aRecordWithoutGroupIsRejected() {
    Assignment a =
        ((UnplannedSpec) GroupSplitSpec.builder().build())
            .splitter()
            .assign(SplitFields.ofGroup("r", null));
    assertThat(a.reason()).isEqualTo(Assignment.Reason.MISSING_GROUP);
  }

  @Test
  void balancedModeBalancesRecordsNotGroupsAndReportsRealisedFractions() {
    // One big speaker and many small ones: group-count balance would put ~80 % of groups in
    // train; record balance must account for the big speaker.
    GroupCounts counts = new GroupCounts();
    counts.add("big", null, 1000);
    for (int i = 0; i < 400; i++) {
      counts.add("s" + i, null, 10);
    }
    BalancedGroupSpec spec = (BalancedGroupSpec) GroupSplitSpec.builder().balanced(true).build();
    BalancedGroupPlan plan = (BalancedGroupPlan) spec.plan(counts);
    assertThat(plan.withinTolerance()).isTrue();
    assertThat(plan.describe())
        .containsEntry("within_tolerance", true)
        .containsEntry("records", 5000L)
        .containsKey("realised");
  }

  @Test
  void saysWhyWhenGroupSizesDoNotAllowTheTolerance() {
    GroupCounts counts = new GroupCounts();
    counts.add("huge", null, 900);
    counts.add("small", null, 100);
    BalancedGroupPlan plan =
        ((BalancedGroupSpec) GroupSplitSpec.builder().balanced(true).build()).plan(counts);
    assertThat(plan.withinTolerance()).isFalse();
    assertThat((String) plan.describe().get("note"))
        .contains("the largest group holds 900 of 1000 records");
  }
}
