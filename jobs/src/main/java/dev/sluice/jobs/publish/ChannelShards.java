package dev.sluice.jobs.publish;

import dev.sluice.connectors.fs.ChannelHygiene;
import dev.sluice.connectors.fs.OpenUploads;
import dev.sluice.connectors.sink.ShardNaming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The committed shards of one channel, found by listing its prefix; and the clean-up that makes the
 * prefix hold nothing else.
 *
 * <p>A filesystem sink can leave objects beside the shards it committed: hidden in-progress files
 * of an attempt that failed, or, on S3, the {@code _part-…_tmp_…} copies its recoverable writer
 * makes while recovering. They hold data that was written again by the attempt that succeeded, and
 * SageMaker's S3Prefix mode would feed them to training as duplicates, so they are removed before a
 * run is published. The same attempt's unfinished shards are open multipart uploads on S3, which
 * nobody sees but the bill; they are aborted.
 */
public final class ChannelShards {
  /** A committed shard: its key relative to the channel prefix, and its size. */
  public record Shard(String relativeKey, long bytes) {}

  /**
   * What cleaning a channel prefix did: the relative keys of the objects it removed, and how many
   * open multipart uploads it aborted (empty where that cannot be known, see {@link OpenUploads}).
   */
  public record Cleanup(List<String> removed, OptionalInt abortedUploads) {}

  private ChannelShards() {}

  /** Lists the committed shards under {@code channel}, in key order; none if it is absent. */
  public static List<Shard> list(Path channel) throws IOException {
    List<Shard> shards = new ArrayList<>();
    FileSystem fs = channel.getFileSystem();
    if (fs.exists(channel)) {
      walk(fs, channel, "", shards);
    }
    shards.sort(Comparator.comparing(Shard::relativeKey));
    return shards;
  }

  /**
   * Makes {@code channel} hold nothing but committed shards, visible or not: deletes every other
   * object under it and aborts the multipart uploads a failed attempt left open there.
   */
  public static Cleanup cleanUp(Path channel) throws IOException {
    List<String> removed = removeAllButCommittedShards(channel);
    return new Cleanup(removed, OpenUploads.abortUnder(channel));
  }

  /**
   * Deletes everything under {@code channel} that is not a committed shard, and returns the
   * relative keys it removed.
   */
  public static List<String> removeAllButCommittedShards(Path channel) throws IOException {
    List<String> removed = new ArrayList<>();
    for (Path stray :
        ChannelHygiene.removeAllButCommitted(channel, ShardNaming::isCommittedShard)) {
      removed.add(relative(channel, stray));
    }
    removed.sort(String::compareTo);
    return removed;
  }

  private static void walk(FileSystem fs, Path folder, String relative, List<Shard> shards)
      throws IOException {
    FileStatus[] entries = fs.listStatus(folder);
    if (entries == null) {
      return;
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      String key = relative.isEmpty() ? name : relative + "/" + name;
      if (entry.isDir()) {
        walk(fs, entry.getPath(), key, shards);
      } else if (ShardNaming.isCommittedShard(name)) {
        shards.add(new Shard(key, entry.getLen()));
      }
    }
  }

  private static String relative(Path root, Path child) {
    String rootPath = root.toUri().getPath();
    String childPath = child.toUri().getPath();
    String relative = childPath.substring(rootPath.length());
    return relative.startsWith("/") ? relative.substring(1) : relative;
  }
}
