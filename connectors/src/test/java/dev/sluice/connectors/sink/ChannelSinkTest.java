package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel sink's own decisions, without a cluster: settings, shard folders, committables. */
class ChannelSinkTest {

  @Test
  void aBadSettingIsNamedWhenTheSinkIsBuilt() {
    assertThatThrownBy(() -> ChannelSink.forPath("/tmp/out").withShardsPerChannel(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shards per channel must be from 1 to 999, not 0");
    assertThatThrownBy(() -> ChannelSink.forPath("/tmp/out").withMaxShardBytes(0).build())
        .hasMessageContaining("max shard bytes must be at least 1");
  }

  @Test
  void aChannelsRecordsGoRoundRobinOverItsShardFolders() {
    ChannelSinkWriter.ShardFolders folders = new ChannelSinkWriter.ShardFolders(3);
    List<String> train = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      train.add(folders.next("train"));
    }
    assertThat(train)
        .containsExactly(
            "train/shard-000", "train/shard-001", "train/shard-002", "train/shard-000");
    assertThat(folders.next("test")).isEqualTo("test/shard-000");
    assertThat(new ChannelSinkWriter.ShardFolders(1).next("train")).isEqualTo("train");
  }

  @Test
  void anAttachmentSurvivesTheCheckpointFormat() throws Exception {
    // Attachments never reach the file sink's own serializer.
    ChannelCommittableSerializer serializer = new ChannelCommittableSerializer(null);
    ChannelCommittable attachment = ChannelCommittable.ofAttachment(new byte[] {1, 2, 3});

    ChannelCommittable back =
        serializer.deserialize(serializer.getVersion(), serializer.serialize(attachment));

    assertThat(back).isEqualTo(attachment);
    assertThat(back.isAttachment()).isTrue();
    assertThat(back.shard()).isEmpty();
  }

  @Test
  void aCommittedShardKnowsItsChannelAndItsKeyUnderTheChannel() {
    CommittedShard spread =
        new CommittedShard("train/shard-002", "s3://b/run/train/shard-002/part-a-0.rec", 10);
    CommittedShard flat = new CommittedShard("test", "file:/out/test/part-b-3.rec", 10);

    assertThat(spread.channel()).isEqualTo("train");
    assertThat(spread.relativeKey()).isEqualTo("shard-002/part-a-0.rec");
    assertThat(flat.channel()).isEqualTo("test");
    assertThat(flat.relativeKey()).isEqualTo("part-b-3.rec");
  }
}
