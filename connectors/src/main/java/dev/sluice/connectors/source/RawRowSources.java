package dev.sluice.connectors.source;

import java.time.Duration;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/**
 * Builds the file source of {@link RawRow}s for {@code source.path} and {@code source.format}:
 * bounded by default, continuous when {@code source.monitor-interval} is given. Files and folders
 * whose names start with {@code .} or {@code _} are ignored (Flink's default filter), so markers
 * such as {@code _SUCCESS} are not read.
 *
 * <p>Text objects (CSV, JSON Lines, LibSVM) larger than {@code source.split-size} are read as byte
 * ranges by all readers at once ({@link TextFileSource}); gzip and Avro objects are read whole, one
 * reader each.
 */
public final class RawRowSources {

  private RawRowSources() {}

  /**
   * The file source for a path, with the default text reading options.
   *
   * @param csvHeader for CSV, whether each object starts with a header line ({@code
   *     source.csv.header}); ignored for other formats
   */
  public static Source<RawRow, ?, ?> fileSource(
      String path, SourceFormat format, boolean csvHeader, Duration monitorInterval) {
    return fileSource(path, format, TextReading.defaults(csvHeader), monitorInterval);
  }

  /**
   * The file source for a path.
   *
   * @param path a file or folder URI on any Flink filesystem ({@code file://}, {@code s3://})
   * @param format the objects' format
   * @param reading how text objects are read (split size, CSV header and quoting); ignored for Avro
   * @param monitorInterval {@code null} for a bounded run; otherwise how often to look for new
   *     objects ({@code source.monitor-interval})
   */
  public static Source<RawRow, ?, ?> fileSource(
      String path, SourceFormat format, TextReading reading, Duration monitorInterval) {
    return fileSource(path, format, reading, monitorInterval, OnCorruptObject.FAIL);
  }

  /**
   * The file source for a path, with a policy for objects that cannot be read to their end ({@code
   * source.on-corrupt-object}).
   */
  public static Source<RawRow, ?, ?> fileSource(
      String path,
      SourceFormat format,
      TextReading reading,
      Duration monitorInterval,
      OnCorruptObject onCorrupt) {
    if (monitorInterval != null && (monitorInterval.isNegative() || monitorInterval.isZero())) {
      throw new IllegalArgumentException(
          "source.monitor-interval must be positive, got " + monitorInterval);
    }
    if (format.isLineBased()) {
      return TextFileSource.of(path, format, reading, monitorInterval, onCorrupt);
    }
    FileSource.FileSourceBuilder<RawRow> builder =
        FileSource.forBulkFileFormat(new AvroRowFormat(onCorrupt), new Path(path))
            // One split per object, so record indices count from the object's start.
            .setFileEnumerator(FileSource.DEFAULT_NON_SPLITTABLE_FILE_ENUMERATOR);
    if (monitorInterval != null) {
      builder.monitorContinuously(monitorInterval);
    }
    return builder.build();
  }
}
