package dev.sluice.connectors.sink;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Routes each record to the folder of its channel under the output root. The router has already
 * chosen the bucket ({@link ChannelRecord#bucket}); this class only hands it to the FileSink, so
 * the routing decision is made once, where the split is.
 */
public final class ChannelBucketAssigner implements BucketAssigner<ChannelRecord, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getBucketId(ChannelRecord record, Context context) {
    return record.bucket;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "ChannelBucketAssigner";
  }
}
