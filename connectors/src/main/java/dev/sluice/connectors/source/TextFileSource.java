package dev.sluice.connectors.source;

import java.time.Duration;
import org.apache.flink.connector.file.src.AbstractFileSource;
import org.apache.flink.connector.file.src.ContinuousEnumerationSettings;
import org.apache.flink.connector.file.src.assigners.LocalityAwareSplitAssigner;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The file source of text objects: Flink's file source machinery (listing, split assignment,
 * continuous discovery, checkpoints) over {@link LineSplit}s, so that a large object is read by all
 * readers at once and every line still carries its number in the object.
 */
public final class TextFileSource extends AbstractFileSource<RawRow, LineSplit> {

  private static final long serialVersionUID = 1L;

  private TextFileSource(
      Path path,
      SourceFormat format,
      TextReading reading,
      ContinuousEnumerationSettings monitor,
      OnCorruptObject onCorrupt) {
    super(
        new Path[] {path},
        enumerator(reading.splitSizeFor(format)),
        LocalityAwareSplitAssigner::new,
        TextLineFormat.forFormat(format, reading, onCorrupt),
        monitor);
  }

  /**
   * The source of a text format's objects under {@code path}.
   *
   * @param monitorInterval {@code null} for a bounded read; otherwise how often to list again
   */
  public static TextFileSource of(
      String path,
      SourceFormat format,
      TextReading reading,
      Duration monitorInterval,
      OnCorruptObject onCorrupt) {
    if (!format.isLineBased()) {
      throw new IllegalArgumentException(format + " objects are not read as text lines");
    }
    return new TextFileSource(
        new Path(path),
        format,
        reading,
        monitorInterval == null ? null : new ContinuousEnumerationSettings(monitorInterval),
        onCorrupt);
  }

  private static org.apache.flink.connector.file.src.enumerate.FileEnumerator.Provider enumerator(
      long splitSize) {
    return () -> new LineSplitEnumerator(splitSize);
  }

  @Override
  public SimpleVersionedSerializer<LineSplit> getSplitSerializer() {
    return LineSplitSerializer.INSTANCE;
  }
}
