package dev.sluice.connectors.source;

import java.io.IOException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/**
 * Reads Avro object container files into {@link RawRow}s, one per record, with the schema taken
 * from each file. The row's {@code line} is the 1-based record index and its {@code text} the
 * record rendered as JSON by Avro's {@link GenericData#toString(Object)} (so the JSON Lines parser
 * maps it). One split per file; the checkpointed position is the number of records emitted, which a
 * restored reader skips.
 */
public final class AvroRowFormat implements BulkFormat<RawRow, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  @Override
  public Reader<RawRow> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new AvroRowReader(split, 0);
  }

  @Override
  public Reader<RawRow> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new AvroRowReader(split, emitted);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<RawRow> getProducedType() {
    return TextLineFormat.rawRowType();
  }

  private static final class AvroRowReader implements Reader<RawRow> {
    private final String object;
    private final DataFileStream<GenericRecord> records;
    private GenericRecord reuse;
    private long emitted;

    AvroRowReader(FileSourceSplit split, long alreadyEmitted) throws IOException {
      TextLineFormat.requireWholeObject(split);
      this.object = split.path().toUri().toString();
      this.records =
          new DataFileStream<>(TextLineFormat.open(split.path()), new GenericDatumReader<>());
      while (emitted < alreadyEmitted) {
        if (!records.hasNext()) {
          throw new IOException(
              "Cannot restore reading "
                  + object
                  + ": the checkpoint says "
                  + alreadyEmitted
                  + " records were emitted, but the file has only "
                  + emitted);
        }
        reuse = records.next(reuse);
        emitted++;
      }
    }

    @Override
    public RecordIterator<RawRow> readBatch() throws IOException {
      long emittedBefore = emitted;
      RawRow[] batch = new RawRow[TextLineFormat.BATCH_SIZE];
      int n = 0;
      while (n < batch.length && records.hasNext()) {
        reuse = records.next(reuse);
        emitted++;
        batch[n++] = new RawRow(object, emitted, GenericData.get().toString(reuse), null);
      }
      if (n == 0) {
        return null;
      }
      ArrayResultIterator<RawRow> iterator = new ArrayResultIterator<>();
      iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, emittedBefore);
      return iterator;
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }
}
