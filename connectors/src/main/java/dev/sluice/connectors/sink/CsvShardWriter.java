package dev.sluice.connectors.sink;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes one CSV shard: each {@link ChannelRecord}'s payload is a whole row, so a shard is the rows
 * one after another. Buffered like {@link RecordIOShardWriter}, for the same reason (a system call
 * per row was most of a run's system time), and for the same rolling contract: a shard's first row
 * reaches the part file at once.
 */
final class CsvShardWriter implements BulkWriter<ChannelRecord> {
  private final FSDataOutputStream shard;
  private final byte[] buffer = new byte[RecordIOShardWriter.BUFFER_BYTES];
  private int size;
  private long rows;

  CsvShardWriter(FSDataOutputStream shard) {
    this.shard = shard;
  }

  static BulkWriter.Factory<ChannelRecord> factory() {
    return new Factory();
  }

  @Override
  public void addElement(ChannelRecord record) throws IOException {
    if (size + record.length > buffer.length) {
      drain();
    }
    if (record.length > buffer.length) {
      shard.write(record.payload, 0, record.length);
    } else {
      System.arraycopy(record.payload, 0, buffer, size, record.length);
      size += record.length;
    }
    if (++rows == 1) {
      drain();
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    shard.flush();
  }

  @Override
  public void finish() throws IOException {
    flush();
  }

  private void drain() throws IOException {
    if (size > 0) {
      shard.write(buffer, 0, size);
      size = 0;
    }
  }

  private static final class Factory implements BulkWriter.Factory<ChannelRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public BulkWriter<ChannelRecord> create(FSDataOutputStream out) {
      return new CsvShardWriter(out);
    }
  }
}
