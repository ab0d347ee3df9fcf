package dev.sluice.connectors.source;

import java.io.IOException;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists text objects as Flink's default filter does (names starting with {@code .} or {@code _} are
 * skipped) and cuts each uncompressed object larger than the split size into ranges of about equal
 * size, numbering their lines with one {@link NewlineCounter} pass. Gzip objects cannot be read
 * from the middle, so each is one range read by one reader.
 */
final class LineSplitEnumerator extends NonSplittingRecursiveEnumerator {

  private final long splitSize;

  /**
   * @param splitSize the largest range in bytes; {@link Long#MAX_VALUE} reads every object whole
   */
  LineSplitEnumerator(long splitSize) {
    if (splitSize <= 0) {
      throw new IllegalArgumentException("the split size must be positive, got " + splitSize);
    }
    this.splitSize = splitSize;
  }

  @Override
  protected void convertToSourceSplits(FileStatus file, FileSystem fs, List<FileSourceSplit> target)
      throws IOException {
    Path path = file.getPath();
    long size = file.getLen();
    long modified = file.getModificationTime();
    if (size <= splitSize || isCompressed(path)) {
      target.add(LineSplit.wholeObject(getNextId(), path, modified, size));
      return;
    }
    long count = (size + splitSize - 1) / splitSize;
    long length = (size + count - 1) / count;
    int ranges = (int) ((size + length - 1) / length);
    long[] offsets = new long[ranges];
    for (int k = 0; k < ranges; k++) {
      offsets[k] = k * length;
    }
    long[] linesBefore = NewlineCounter.linesBefore(fs, path, offsets);
    for (int k = 0; k < ranges; k++) {
      long rangeLength = Math.min(length, size - offsets[k]);
      target.add(
          new LineSplit(
              getNextId(), path, offsets[k], rangeLength, modified, size, linesBefore[k], null));
    }
  }

  /** Objects the text reader decompresses: they cannot be split. */
  static boolean isCompressed(Path path) {
    return path.getName().endsWith(".gz");
  }
}
