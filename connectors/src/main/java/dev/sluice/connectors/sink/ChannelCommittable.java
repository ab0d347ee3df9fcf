package dev.sluice.connectors.sink;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.streaming.api.functions.sink.filesystem.InProgressFileWriter;

/**
 * What one writer subtask of a {@link ChannelSink} hands to the committer at a checkpoint (or at
 * the end of a bounded input), and what the committer hands on to the post-commit step once it is
 * committed: either a shard, or an attachment, the bytes a step before the sink sent along with its
 * records (see {@link ChannelRecord#attachment}).
 *
 * <p>An attachment travels with the shards of the same checkpoint, so a step after the commit sees
 * exactly the figures that belong to what was committed, whatever failed and was replayed.
 */
@PublicEvolving
public final class ChannelCommittable {
  private final FileSinkCommittable file;
  private final byte[] attachment;

  private ChannelCommittable(FileSinkCommittable file, byte[] attachment) {
    this.file = file;
    this.attachment = attachment;
  }

  static ChannelCommittable ofFile(FileSinkCommittable file) {
    return new ChannelCommittable(Objects.requireNonNull(file), null);
  }

  /** An attachment: opaque bytes for the step after the commit. */
  public static ChannelCommittable ofAttachment(byte[] attachment) {
    return new ChannelCommittable(null, Objects.requireNonNull(attachment));
  }

  /** The file sink's committable, for the committer; null for an attachment. */
  FileSinkCommittable file() {
    return file;
  }

  /** Whether this is an attachment rather than a file of the sink. */
  public boolean isAttachment() {
    return attachment != null;
  }

  /** The attachment's bytes; empty for a file. */
  public Optional<byte[]> attachment() {
    return Optional.ofNullable(attachment);
  }

  /**
   * The shard this committable made visible; empty for an attachment and for the file sink's
   * clean-up of an in-progress file, which is not a shard.
   */
  public Optional<CommittedShard> shard() {
    if (file == null || !file.hasPendingFile()) {
      return Optional.empty();
    }
    InProgressFileWriter.PendingFileRecoverable pending = file.getPendingFile();
    if (pending.getPath() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CommittedShard(file.getBucketId(), pending.getPath().toString(), pending.getSize()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelCommittable other
        && Objects.equals(file, other.file)
        && Arrays.equals(attachment, other.attachment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, Arrays.hashCode(attachment));
  }

  @Override
  public String toString() {
    return isAttachment() ? "attachment(" + attachment.length + " bytes)" : file.toString();
  }
}
