package dev.sluice.connectors.source;

import java.time.Duration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.core.fs.Path;

/**
 * Builds the {@link FileSource} of {@link RawRow}s for {@code source.path} and {@code
 * source.format}: bounded by default, continuous when {@code source.monitor-interval} is given.
 * Files and folders whose names start with {@code .} or {@code _} are ignored (Flink's default
 * filter), so markers such as {@code _SUCCESS} are not read.
 */
public final class RawRowSources {

  private RawRowSources() {}

  /**
   * The file source for a path.
   *
   * @param path a file or folder URI on any Flink filesystem ({@code file://}, {@code s3://})
   * @param format the objects' format
   * @param csvHeader for CSV, whether each object starts with a header line ({@code
   *     source.csv.header}); ignored for other formats
   * @param monitorInterval {@code null} for a bounded run; otherwise how often to look for new
   *     objects ({@code source.monitor-interval})
   */
  public static FileSource<RawRow> fileSource(
      String path, SourceFormat format, boolean csvHeader, Duration monitorInterval) {
    return fileSource(path, format, csvHeader, monitorInterval, OnCorruptObject.FAIL);
  }

  /**
   * The file source for a path, with a policy for objects that cannot be read to their end ({@code
   * source.on-corrupt-object}).
   */
  public static FileSource<RawRow> fileSource(
      String path,
      SourceFormat format,
      boolean csvHeader,
      Duration monitorInterval,
      OnCorruptObject onCorrupt) {
    FileSource.FileSourceBuilder<RawRow> builder =
        FileSource.forBulkFileFormat(bulkFormat(format, csvHeader, onCorrupt), new Path(path))
            // One split per object, so line numbers count from the object's start.
            .setFileEnumerator(FileSource.DEFAULT_NON_SPLITTABLE_FILE_ENUMERATOR);
    if (monitorInterval != null) {
      if (monitorInterval.isNegative() || monitorInterval.isZero()) {
        throw new IllegalArgumentException(
            "source.monitor-interval must be positive, got " + monitorInterval);
      }
      builder.monitorContinuously(monitorInterval);
    }
    return builder.build();
  }

  /** The reader format for a source format. */
  public static BulkFormat<RawRow, org.apache.flink.connector.file.src.FileSourceSplit> bulkFormat(
      SourceFormat format, boolean csvHeader) {
    return bulkFormat(format, csvHeader, OnCorruptObject.FAIL);
  }

  /** The reader format for a source format and a policy for corrupt objects. */
  public static BulkFormat<RawRow, org.apache.flink.connector.file.src.FileSourceSplit> bulkFormat(
      SourceFormat format, boolean csvHeader, OnCorruptObject onCorrupt) {
    return switch (format) {
      case CSV ->
          new TextLineFormat(
              csvHeader ? TextLineFormat.FirstLine.CSV_HEADER : TextLineFormat.FirstLine.ROW,
              onCorrupt);
      // A JSON Lines object's first line fixes every row's feature names, order and dimension.
      case JSONL -> new TextLineFormat(TextLineFormat.FirstLine.REFERENCE_ROW, onCorrupt);
      case LIBSVM -> new TextLineFormat(TextLineFormat.FirstLine.ROW, onCorrupt);
      case AVRO -> new AvroRowFormat(onCorrupt);
    };
  }
}
