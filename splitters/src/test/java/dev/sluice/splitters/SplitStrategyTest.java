package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.splitters.domain.DomainSplitSpec;
import dev.sluice.splitters.group.GroupSplitSpec;
import dev.sluice.splitters.random.RandomSplitSpec;
import dev.sluice.splitters.time.TimeSplitSpec;
import org.junit.jupiter.api.Test;

/** What each strategy owns: its name, its keys' prefix, and the columns its records must carry. */
class SplitStrategyTest {

  @Test
  void eachStrategyIsNamedAsSplitStrategyTakesIt() {
    assertThat(SplitStrategy.configNames()).containsExactly("random", "group", "time", "domain");
    assertThat(SplitStrategy.fromConfigName("group")).contains(SplitStrategy.GROUP);
    assertThat(SplitStrategy.fromConfigName("kfold")).isEmpty();
  }

  @Test
  void aStrategysOwnKeysShareItsPrefix() {
    assertThat(SplitKeys.GROUP_BALANCED).startsWith(SplitStrategy.GROUP.keyPrefix());
    assertThat(SplitKeys.TIME_GAP).startsWith(SplitStrategy.TIME.keyPrefix());
    assertThat(SplitKeys.DOMAIN_INNER).startsWith(SplitStrategy.DOMAIN.keyPrefix());
  }

  @Test
  void onlyRandomAndGroupSplitsMayBeStratified() {
    assertThat(SplitStrategy.values())
        .filteredOn(SplitStrategy::stratifiable)
        .containsExactly(SplitStrategy.RANDOM, SplitStrategy.GROUP);
  }

  @Test
  void eachBuilderNamesTheColumnsItsConfigurationNeedsAndTheSettingThatNeedsThem() {
    assertThat(RandomSplitSpec.builder().requiredColumns()).isEmpty();
    assertThat(GroupSplitSpec.builder().requiredColumns())
        .containsExactly(java.util.Map.entry(SplitColumn.GROUP, "split.strategy group"));
    assertThat(TimeSplitSpec.builder().requiredColumns())
        .containsExactly(java.util.Map.entry(SplitColumn.TIMESTAMP, "split.strategy time"));
    assertThat(DomainSplitSpec.builder().requiredColumns())
        .containsExactly(java.util.Map.entry(SplitColumn.DOMAIN, "split.strategy domain"));
    assertThat(DomainSplitSpec.builder().inner("group").requiredColumns())
        .containsExactly(
            java.util.Map.entry(SplitColumn.DOMAIN, "split.strategy domain"),
            java.util.Map.entry(SplitColumn.GROUP, "split.domain.inner group"));
  }
}
