package dev.sluice.connectors.source;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;

/** Drives a BulkFormat the way Flink's FileSourceReader does, for tests. */
final class BulkFormatReading {

  private BulkFormatReading() {}

  /** The whole object as one split. */
  static LineSplit split(java.nio.file.Path file) throws IOException {
    return LineSplit.wholeObject("0", new Path(file.toUri()), 0, Files.size(file));
  }

  static <S extends FileSourceSplit> List<RawRow> readAll(BulkFormat<RawRow, S> format, S split)
      throws IOException {
    try (BulkFormat.Reader<RawRow> reader = format.createReader(new Configuration(), split)) {
      return drain(reader, Long.MAX_VALUE, new CheckpointedPosition[1]);
    }
  }

  /**
   * Reads at most {@code limit} rows, recording in {@code position[0]} the position after the last
   * row taken, as the source reader's split state would.
   */
  static List<RawRow> drain(
      BulkFormat.Reader<RawRow> reader, long limit, CheckpointedPosition[] position)
      throws IOException {
    List<RawRow> rows = new ArrayList<>();
    BulkFormat.RecordIterator<RawRow> batch;
    while (rows.size() < limit && (batch = reader.readBatch()) != null) {
      RecordAndPosition<RawRow> next;
      while (rows.size() < limit && (next = batch.next()) != null) {
        rows.add(next.getRecord());
        position[0] = new CheckpointedPosition(next.getOffset(), next.getRecordSkipCount());
      }
      batch.releaseBatch();
    }
    return rows;
  }

  /** Reads {@code before} rows, checkpoints, restores a new reader and reads the rest. */
  @SuppressWarnings("unchecked") // splits return their own type (FileSourceSplit's contract)
  static <S extends FileSourceSplit> List<RawRow> readWithRestoreAfter(
      BulkFormat<RawRow, S> format, S split, long before) throws IOException {
    CheckpointedPosition[] position = {null};
    List<RawRow> rows;
    try (BulkFormat.Reader<RawRow> reader = format.createReader(new Configuration(), split)) {
      rows = drain(reader, before, position);
    }
    S restored =
        position[0] == null ? split : (S) split.updateWithCheckpointedPosition(position[0]);
    try (BulkFormat.Reader<RawRow> reader =
        position[0] == null
            ? format.createReader(new Configuration(), restored)
            : format.restoreReader(new Configuration(), restored)) {
      rows.addAll(drain(reader, Long.MAX_VALUE, new CheckpointedPosition[1]));
    }
    return rows;
  }
}
