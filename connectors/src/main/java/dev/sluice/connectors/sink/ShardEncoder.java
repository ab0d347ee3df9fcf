package dev.sluice.connectors.sink;

import dev.sluice.connectors.parse.ParsedRecord;

/**
 * Encodes a parsed record into the payload of its shard format, in a buffer reused from record to
 * record: the payload is {@code array()[0, length())} until the next {@link #encode}. Not
 * thread-safe; one per subtask.
 */
public interface ShardEncoder {

  /** Encodes {@code record} with {@code uid} (formats without a uid field leave it out). */
  void encode(ParsedRecord record, String uid);

  byte[] array();

  int length();
}
