package dev.sluice.connectors.inspect;

import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.connectors.protobuf.DecodedValue;
import dev.sluice.connectors.protobuf.ValueType;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What {@code inspect --summary} counts while it reads. */
final class Summary {
  private long files;
  private long records;
  private long bytes;
  private long escapedRecords;
  private long labelled;
  private final Map<String, Field> features = new TreeMap<>();
  private final Map<String, Field> labels = new TreeMap<>();

  void file() {
    files++;
  }

  void bytes(long fileBytes, long fileEscapedRecords) {
    bytes += fileBytes;
    escapedRecords += fileEscapedRecords;
  }

  void record(DecodedRecord record) {
    records++;
    if (!record.label().isEmpty()) {
      labelled++;
    }
    record.features().forEach((name, v) -> features.computeIfAbsent(name, n -> new Field()).add(v));
    record.label().forEach((name, v) -> labels.computeIfAbsent(name, n -> new Field()).add(v));
  }

  void print(PrintStream out) {
    out.println("files: " + files);
    out.println("records: " + records);
    out.println("bytes: " + bytes);
    out.println("escaped records: " + escapedRecords);
    out.println(
        "label present: "
            + (labelled == 0 ? "no" : "yes")
            + " ("
            + labelled
            + " of "
            + records
            + " records)");
    features.forEach((name, field) -> out.println("feature " + name + ": " + field));
    labels.forEach((name, field) -> out.println("label " + name + ": " + field));
  }

  /** One features or label map name across all records. */
  private static final class Field {
    private final TreeSet<String> kinds = new TreeSet<>();
    private long minDimension = Long.MAX_VALUE;
    private long maxDimension = Long.MIN_VALUE;
    private long records;

    void add(DecodedValue value) {
      long[] shape = value.shape();
      // An all-zero sparse vector has no keys and no values, only its shape.
      boolean sparse = value.keys().length > 0 || (value.size() == 0 && shape.length > 0);
      // A sparse vector's dimension is its shape; a dense one's is its number of values.
      long dimension = sparse && shape.length > 0 ? shape[0] : value.size();
      kinds.add(
          value.type() == ValueType.BYTES
              ? "bytes"
              : value.type().jsonName() + (sparse ? " sparse" : " dense"));
      minDimension = Math.min(minDimension, dimension);
      maxDimension = Math.max(maxDimension, dimension);
      records++;
    }

    @Override
    public String toString() {
      String dimension =
          minDimension == maxDimension ? "" + minDimension : minDimension + ".." + maxDimension;
      return String.join(", ", kinds) + ", dimension " + dimension + " (" + records + " records)";
    }
  }
}
