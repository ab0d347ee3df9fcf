package dev.sluice.connectors.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.connector.file.sink.writer.FileWriterBucketState;

/**
 * One writer subtask of a {@link ChannelSink}: spreads each channel's records over its shard
 * folders, hands them to the file sink's writer, and keeps the attachments that arrive between two
 * commits to hand them on with that commit's shards.
 */
final class ChannelSinkWriter
    implements StatefulSinkWriter<ChannelRecord, FileWriterBucketState>,
        CommittingSinkWriter<ChannelRecord, ChannelCommittable> {

  private final StatefulSinkWriter<ChannelRecord, FileWriterBucketState> files;
  private final ShardFolders folders;
  private final List<byte[]> attachments = new ArrayList<>();

  <
          W extends
              StatefulSinkWriter<ChannelRecord, FileWriterBucketState>
                  & CommittingSinkWriter<ChannelRecord, FileSinkCommittable>>
      ChannelSinkWriter(W files, int shardsPerChannel) {
    this.files = files;
    this.folders = new ShardFolders(shardsPerChannel);
  }

  @Override
  public void write(ChannelRecord record, Context context)
      throws IOException, InterruptedException {
    if (record.isAttachment()) {
      attachments.add(java.util.Arrays.copyOf(record.payload, record.length));
      return;
    }
    record.bucket = folders.next(record.bucket);
    files.write(record, context);
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    files.flush(endOfInput);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Collection<ChannelCommittable> prepareCommit() throws IOException, InterruptedException {
    List<ChannelCommittable> committables = new ArrayList<>();
    for (FileSinkCommittable file :
        ((CommittingSinkWriter<ChannelRecord, FileSinkCommittable>) files).prepareCommit()) {
      committables.add(ChannelCommittable.ofFile(file));
    }
    attachments.forEach(a -> committables.add(ChannelCommittable.ofAttachment(a)));
    attachments.clear();
    return committables;
  }

  @Override
  public List<FileWriterBucketState> snapshotState(long checkpointId) throws IOException {
    return files.snapshotState(checkpointId);
  }

  @Override
  public void writeWatermark(org.apache.flink.api.common.eventtime.Watermark watermark)
      throws IOException, InterruptedException {
    files.writeWatermark(watermark);
  }

  @Override
  public void close() throws Exception {
    files.close();
  }

  /**
   * The shard folder of a channel's next record, round robin: a subtask that writes k records of a
   * channel fills min(k, N) folders, each with its own shard, so a channel of at least N records
   * gets at least N shards however its records spread over writers. Which folder a record lands in
   * is not part of the split; its channel is.
   */
  static final class ShardFolders {
    private final int shardsPerChannel;
    private final Map<String, Folders> byChannel = new HashMap<>();

    ShardFolders(int shardsPerChannel) {
      this.shardsPerChannel = shardsPerChannel;
    }

    String next(String channel) {
      if (shardsPerChannel == 1) {
        return channel;
      }
      return byChannel.computeIfAbsent(channel, c -> new Folders(c, shardsPerChannel)).next();
    }

    private static final class Folders {
      private final String[] names;
      private int next;

      Folders(String channel, int count) {
        names = new String[count];
        for (int s = 0; s < count; s++) {
          names[s] = ShardNaming.shardBucket(channel, s);
        }
      }

      String next() {
        String name = names[next];
        next = next + 1 == names.length ? 0 : next + 1;
        return name;
      }
    }
  }
}
