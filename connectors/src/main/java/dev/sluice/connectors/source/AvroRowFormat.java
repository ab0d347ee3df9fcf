package dev.sluice.connectors.source;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
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

  private final OnCorruptObject onCorrupt;

  /** A format that fails on a corrupt file. */
  public AvroRowFormat() {
    this(OnCorruptObject.FAIL);
  }

  /** A format with the given policy for truncated or corrupt files. */
  public AvroRowFormat(OnCorruptObject onCorrupt) {
    this.onCorrupt = onCorrupt;
  }

  @Override
  public Reader<RawRow> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new AvroRowReader(split, onCorrupt, 0);
  }

  @Override
  public Reader<RawRow> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return new AvroRowReader(split, onCorrupt, emitted);
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
    private final OnCorruptObject onCorrupt;
    private DataFileStream<GenericRecord> records;
    private AvroFileEnd end;
    private GenericRecord reuse;
    private String first;
    private long emitted;
    private long read;
    private Exception failure;

    AvroRowReader(FileSourceSplit split, OnCorruptObject onCorrupt, long alreadyEmitted)
        throws IOException {
      TextLineFormat.requireWholeObject(split);
      this.object = split.path().toUri().toString();
      this.onCorrupt = onCorrupt;
      try {
        this.end = new AvroFileEnd(TextLineFormat.open(split.path()));
        this.records = new DataFileStream<>(end, new GenericDatumReader<>());
      } catch (IOException | AvroRuntimeException e) {
        if (e instanceof IOException io && !isCorruption(io)) {
          throw io;
        }
        failure = e;
      }
      while (emitted < alreadyEmitted) {
        if (nextRow() == null) {
          throw new IOException(
              "Cannot restore reading "
                  + object
                  + ": the checkpoint says "
                  + alreadyEmitted
                  + " records were emitted, but the file has only "
                  + emitted);
        }
      }
    }

    /**
     * The next record as a row, or {@code null} at the end. The file's first record rides along as
     * the reference that fixes the dimension of every record of the file.
     */
    private RawRow nextRow() throws IOException {
      if (records != null) {
        try {
          if (records.hasNext()) {
            reuse = records.next(reuse);
            read++;
            emitted++;
            String text = GenericData.get().toString(reuse);
            if (first == null) {
              first = text;
            }
            return new RawRow(object, emitted, text, first);
          }
          if (!end.endsWithSync()) {
            // Avro reads an end of input inside a block as the end of the file.
            failure = new java.io.EOFException("the file ends inside a block (truncated)");
          }
        } catch (AvroRuntimeException | IOException e) {
          if (e instanceof IOException io && !isCorruption(io)) {
            throw io;
          }
          failure = e;
        }
        records.close();
        records = null;
      }
      if (failure == null) {
        return null;
      }
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      String message = CorruptObjectException.describe(object, read, "records", cause);
      if (onCorrupt == OnCorruptObject.FAIL) {
        throw new CorruptObjectException(
            message + "; set source.on-corrupt-object skip to reject the rest and go on");
      }
      failure = null;
      emitted++;
      return RawRow.defective(object, emitted, message, first, "corrupt_object");
    }

    /** Damage in the file, as opposed to a failure to reach the storage. */
    private static boolean isCorruption(IOException e) {
      String message = String.valueOf(e.getMessage());
      return e instanceof java.io.EOFException
          || e instanceof java.util.zip.ZipException
          || message.contains("Not an Avro data file")
          || message.contains("Invalid sync");
    }

    @Override
    public RecordIterator<RawRow> readBatch() throws IOException {
      long emittedBefore = emitted;
      RawRow[] batch = new RawRow[TextLineFormat.BATCH_SIZE];
      int n = 0;
      RawRow row;
      while (n < batch.length && (row = nextRow()) != null) {
        batch[n++] = row;
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
      if (records != null) {
        records.close();
      }
    }
  }
}
