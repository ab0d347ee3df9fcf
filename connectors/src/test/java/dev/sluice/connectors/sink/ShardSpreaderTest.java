package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardSpreaderTest {

  @Test
  void eachChannelGoesRoundRobinOverItsShardFolders() throws Exception {
    ShardSpreader spreader = new ShardSpreader(List.of("train", "test"), 3);
    spreader.open(null);

    List<String> buckets = new ArrayList<>();
    for (String channel : List.of("train", "test", "train", "train", "train")) {
      buckets.add(spreader.map(new ChannelRecord(channel, new byte[0], 0)).bucket);
    }

    assertThat(buckets)
        .containsExactly(
            "train/shard-000",
            "test/shard-000",
            "train/shard-001",
            "train/shard-002",
            "train/shard-000");
  }

  @Test
  void oneShardPerChannelWritesStraightUnderTheChannel() throws Exception {
    ShardSpreader spreader = new ShardSpreader(List.of("train"), 1);
    spreader.open(null);

    assertThat(spreader.map(new ChannelRecord("train", new byte[0], 0)).bucket).isEqualTo("train");
  }
}
