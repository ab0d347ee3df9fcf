package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a committed shard is called, told apart from what a filesystem sink leaves behind. */
class ShardNamingTest {

  @Test
  void aCommittedShardIsAPartFileWithTheRecordIOSuffix() {
    assertThat(ShardNaming.isCommittedShard("part-3f2a-0-0.rec")).isTrue();
    assertThat(ShardNaming.isCommittedShard("part-3f2a-1-12.rec")).isTrue();
  }

  @Test
  void inProgressFilesRecoveryCopiesAndMarkersAreNot() {
    assertThat(ShardNaming.isCommittedShard("_part-3f2a-0-0.rec_tmp_9b1c")).isFalse();
    assertThat(ShardNaming.isCommittedShard(".part-3f2a-0-0.rec.inprogress.77e1")).isFalse();
    assertThat(ShardNaming.isCommittedShard("part-3f2a-0-0.txt")).isFalse();
    assertThat(ShardNaming.isCommittedShard("_SUCCESS")).isFalse();
  }

  @Test
  void aChannelSpreadOverFoldersNamesThemByNumber() {
    assertThat(ShardNaming.shardBucket("train", 3)).isEqualTo("train/shard-003");
  }
}
