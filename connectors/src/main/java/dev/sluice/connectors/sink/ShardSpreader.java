package dev.sluice.connectors.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Spreads each channel over its shard folders ({@code sink.min-shards-per-channel}): a record
 * arrives with its channel as bucket and leaves with the channel's next {@code shard-NNN} folder,
 * round robin, so that a writer that receives k records of a channel fills min(k, N) folders, each
 * with its own shard, and a channel of at least N records gets at least N shards wherever its
 * records are written. Which folder a record lands in is not part of the split; its channel is.
 *
 * <p>It runs right before the writer, after the shuffle when there is one, so the folders follow
 * the shuffled order, which does not depend on how the input was divided among readers.
 */
public final class ShardSpreader extends RichMapFunction<ChannelRecord, ChannelRecord> {
  private static final long serialVersionUID = 1L;

  private final List<String> channels;
  private final int shardsPerChannel;

  private transient Map<String, Folders> folders;

  public ShardSpreader(List<String> channels, int shardsPerChannel) {
    if (shardsPerChannel < 1) {
      throw new IllegalArgumentException("shardsPerChannel must be at least 1");
    }
    this.channels = List.copyOf(channels);
    this.shardsPerChannel = shardsPerChannel;
  }

  @Override
  public void open(OpenContext context) {
    folders = new HashMap<>();
    for (String channel : channels) {
      String[] names = new String[shardsPerChannel];
      for (int s = 0; s < shardsPerChannel; s++) {
        names[s] = shardsPerChannel == 1 ? channel : ShardNaming.shardBucket(channel, s);
      }
      folders.put(channel, new Folders(names));
    }
  }

  @Override
  public ChannelRecord map(ChannelRecord record) {
    Folders channel = folders.get(record.bucket);
    if (channel == null) {
      throw new IllegalStateException("a record for unknown channel " + record.bucket);
    }
    record.bucket = channel.next();
    return record;
  }

  private static final class Folders {
    private final String[] names;
    private int next;

    Folders(String[] names) {
      this.names = names;
    }

    String next() {
      String name = names[next];
      next = next + 1 == names.length ? 0 : next + 1;
      return name;
    }
  }
}
