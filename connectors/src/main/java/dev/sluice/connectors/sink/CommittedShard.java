package dev.sluice.connectors.sink;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A shard the sink committed: the bucket it was written to ({@code train}, or {@code
 * train/shard-003}), its full path and its size. What a publishing step downstream of {@link
 * ChannelSink} lists in manifests. Serializable, so such a step can keep it in its state.
 *
 * @param bucket the folder under the sink root, relative, whose first segment is the channel
 * @param path the committed object's full path (URI)
 * @param bytes its size
 */
@PublicEvolving
public record CommittedShard(String bucket, String path, long bytes) implements Serializable {

  /** The channel: the bucket's first segment. */
  public String channel() {
    int slash = bucket.indexOf('/');
    return slash < 0 ? bucket : bucket.substring(0, slash);
  }

  /** The shard's key relative to its channel prefix ({@code part-0-3.rec}, {@code shard-001/…}). */
  public String relativeKey() {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int slash = bucket.indexOf('/');
    return slash < 0 ? name : bucket.substring(slash + 1) + "/" + name;
  }
}
