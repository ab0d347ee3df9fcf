package dev.sluice.connectors.source;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;

/**
 * A byte range of a text object that knows how many of the object's lines start before it, so that
 * the lines it reads carry their line numbers in the whole object, however the object was cut.
 *
 * <p>The range owns the lines whose first byte lies in {@code [offset, offset + length)}: its
 * reader skips the line in progress at {@code offset} (the previous range finishes it) and reads on
 * past the end to finish its own last line. A range that reaches the end of the object (and every
 * gzip object, whose length counts compressed bytes) reads to the end of the stream.
 */
public final class LineSplit extends FileSourceSplit {

  private static final long serialVersionUID = 1L;

  private final long linesBefore;

  /**
   * A range of an object.
   *
   * @param linesBefore how many lines of the object start before {@code offset} (blank ones
   *     included): 0 for a range at offset 0
   */
  public LineSplit(
      String id,
      Path path,
      long offset,
      long length,
      long modificationTime,
      long fileSize,
      long linesBefore,
      CheckpointedPosition position) {
    super(id, path, offset, length, modificationTime, fileSize, new String[0], position);
    if (offset == 0 && linesBefore != 0) {
      throw new IllegalArgumentException("a range at offset 0 has no lines before it");
    }
    this.linesBefore = linesBefore;
  }

  /** A whole object as one range. */
  public static LineSplit wholeObject(String id, Path path, long modificationTime, long fileSize) {
    return new LineSplit(id, path, 0, fileSize, modificationTime, fileSize, 0, null);
  }

  /** How many of the object's lines start before this range. */
  public long linesBefore() {
    return linesBefore;
  }

  /** Whether this range reads to the end of the object's stream. */
  public boolean toEnd() {
    return offset() + length() >= fileSize();
  }

  @Override
  public LineSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
    return new LineSplit(
        splitId(),
        path(),
        offset(),
        length(),
        fileModificationTime(),
        fileSize(),
        linesBefore,
        position);
  }

  @Override
  public String toString() {
    return super.toString() + " linesBefore=" + linesBefore;
  }
}
