package dev.sluice.connectors.fs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Leaves exactly the committed shards under a channel prefix.
 *
 * <p>Why: after a recovery, Flink's S3 recoverable writer leaves hidden {@code _part-…_tmp_…}
 * objects next to the shards (copies of data already written), and a local or HDFS run may leave
 * {@code .part-…inprogress…} files. SageMaker's S3Prefix mode trains on every object under the
 * channel prefix, so such leftovers would be fed to training as duplicates. Run this after the job
 * finished and before the channel is published (manifests written, path handed out).
 *
 * <p>Works through Flink's {@link FileSystem}, so the same code serves {@code s3://} and {@code
 * file://}. Which names are committed shards is the sink's to say ({@code ShardNaming}). Open
 * multipart uploads are not objects and are not seen here; {@link OpenUploads} aborts them.
 */
public final class ChannelHygiene {

  private ChannelHygiene() {}

  /**
   * Deletes every file under {@code prefix}, at any depth, whose name is not a committed part.
   *
   * @param prefix the channel prefix, e.g. {@code s3://bucket/out/train}
   * @param isCommitted tells committed part names (the last path segment) from the rest
   * @return the paths removed, in listing order
   * @throws IOException naming the path that could not be listed or deleted
   */
  public static List<Path> removeAllButCommitted(Path prefix, Predicate<String> isCommitted)
      throws IOException {
    FileSystem fs = prefix.getFileSystem();
    List<Path> removed = new ArrayList<>();
    if (!fs.exists(prefix)) {
      return removed;
    }
    for (Path file : filesUnder(fs, prefix)) {
      if (!isCommitted.test(file.getName())) {
        if (!fs.delete(file, false) && fs.exists(file)) {
          throw new IOException("could not delete " + file + " under channel prefix " + prefix);
        }
        removed.add(file);
      }
    }
    return removed;
  }

  /** Every file (not folder) under {@code prefix}, depth first, in listing order. */
  public static List<Path> filesUnder(Path prefix) throws IOException {
    FileSystem fs = prefix.getFileSystem();
    return fs.exists(prefix) ? filesUnder(fs, prefix) : List.of();
  }

  private static List<Path> filesUnder(FileSystem fs, Path prefix) throws IOException {
    List<Path> files = new ArrayList<>();
    FileStatus[] statuses = fs.listStatus(prefix);
    if (statuses == null) {
      throw new IOException("could not list channel prefix " + prefix);
    }
    for (FileStatus status : statuses) {
      if (status.isDir()) {
        files.addAll(filesUnder(fs, status.getPath()));
      } else {
        files.add(status.getPath());
      }
    }
    return files;
  }
}
