package dev.sluice.connectors.sink;

/**
 * One encoded record on its way to a channel: the bucket it goes to ({@code train}, or {@code
 * train/shard-003} when a channel is spread over several shard folders) and its protobuf payload.
 *
 * <p>A Flink POJO of plain types, so it never falls back to Kryo. The router reuses one instance
 * and one buffer for every record: {@code collect()} hands the record synchronously to the chained
 * sink (or serialises it at once), so the buffer is never read after the next record overwrites it.
 * Only the first {@link #length} bytes of {@link #payload} are the payload.
 */
public class ChannelRecord {
  /** The bucket (relative folder under the output root) this record goes to. */
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
}
