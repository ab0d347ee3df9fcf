package dev.sluice.connectors.sink;

/**
 * One encoded record on its way to a channel: the channel it goes to ({@code train}; the {@link
 * ChannelSink} picks the shard folder) and its protobuf payload.
 *
 * <p>A Flink POJO of plain types, so it never falls back to Kryo. The router reuses one instance
 * and one buffer for every record: {@code collect()} hands the record synchronously to the chained
 * sink (or serialises it at once), so the buffer is never read after the next record overwrites it.
 * Only the first {@link #length} bytes of {@link #payload} are the payload.
 */
public class ChannelRecord {
  /**
   * The channel this record goes to; the {@link ChannelSink}'s writer replaces it with the bucket
   * (the relative folder under the output root, {@code train/shard-003}) it writes the record to.
   */
  public String bucket;

  /** The buffer holding the payload in its first {@link #length} bytes. */
  public byte[] payload;

  /** How many bytes of {@link #payload} are the payload. */
  public int length;

  /**
   * Where the record goes in its channel's shuffled order: a seeded hash of its uid ({@link
   * ShuffleOrder}); unused when {@code sink.shuffle} is off.
   */
  public long order;

  public ChannelRecord() {}

  public ChannelRecord(String bucket, byte[] payload, int length) {
    this.bucket = bucket;
    this.payload = payload;
    this.length = length;
  }

  public static ChannelRecord of(String bucket, byte[] payload) {
    return new ChannelRecord(bucket, payload, payload.length);
  }

  /**
   * Not a record but bytes for the step after the commit: the {@link ChannelSink} hands them on
   * with the shards of the checkpoint whose records came before it (see {@link
   * ChannelCommittable}). It has no bucket.
   */
  public static ChannelRecord attachment(byte[] bytes) {
    return new ChannelRecord(null, bytes, bytes.length);
  }

  /** Whether this is an {@linkplain #attachment attachment}. */
  public boolean isAttachment() {
    return bucket == null;
  }
}
