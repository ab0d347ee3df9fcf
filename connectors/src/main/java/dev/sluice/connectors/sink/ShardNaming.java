package dev.sluice.connectors.sink;

import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * How shards are named, and so how a committed shard is told apart from anything else a filesystem
 * sink may leave behind. A committed shard is {@code part-<writer>-<n>.rec} ({@code .csv} for
 * {@code sink.format csv}); in-progress files start with a dot and S3 recovery copies with an
 * underscore, so neither ever matches.
 */
public final class ShardNaming {
  public static final String PREFIX = "part";
  public static final String SUFFIX = ".rec";

  private ShardNaming() {}

  public static OutputFileConfig outputFileConfig() {
    return OutputFileConfig.builder().withPartPrefix(PREFIX).withPartSuffix(SUFFIX).build();
  }

  /** The names of shards in {@code format}. */
  public static OutputFileConfig outputFileConfig(ShardFormat format) {
    return OutputFileConfig.builder()
        .withPartPrefix(PREFIX)
        .withPartSuffix(format.suffix())
        .build();
  }

  /** Whether an object name (the last path segment) is a committed shard, in either format. */
  public static boolean isCommittedShard(String name) {
    return name.startsWith(PREFIX + "-")
        && (name.endsWith(SUFFIX) || name.endsWith(ShardFormat.CSV.suffix()));
  }

  /** The bucket of one shard folder of a channel spread over several ({@code train/shard-003}). */
  public static String shardBucket(String channel, int shard) {
    return String.format("%s/shard-%03d", channel, shard);
  }
}
