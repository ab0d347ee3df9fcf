package dev.sluice.connectors.bench;

import dev.sluice.connectors.parse.CsvRowParser;
import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.parse.RowRejectedException;
import dev.sluice.connectors.parse.SchemaMapping;
import dev.sluice.connectors.source.RawRow;
import dev.sluice.connectors.source.SourceFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rows per second of {@link CsvRowParser} on the end-to-end benchmark's shape: a label and 50
 * float32 features per row, with a header, single-threaded. {@code digits=short} writes values as
 * {@code %.6f} (Clinger's fast path); {@code digits=long} writes them as Java's shortest double
 * rendering, about 17 significant digits (the fastdoubleparser path), as {@code repr} of a numpy
 * float64 would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsvParseBenchmark {

  private static final int ROWS = 1024;
  private static final int FEATURES = 50;

  @Param({"short", "long"})
  public String digits;

  private RawRow[] rows;
  private CsvRowParser parser;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder header = new StringBuilder("label");
    for (int f = 0; f < FEATURES; f++) {
      header.append(",f").append(f);
    }
    String headerLine = header.toString();
    rows = new RawRow[ROWS];
    for (int r = 0; r < ROWS; r++) {
      StringBuilder line = new StringBuilder().append(random.nextInt(2));
      for (int f = 0; f < FEATURES; f++) {
        double value = random.nextGaussian() * 10;
        line.append(',')
            .append(
                "short".equals(digits)
                    ? String.format(Locale.ROOT, "%.6f", value)
                    : Double.toString(value));
      }
      rows[r] = new RawRow("s3://bench/part-0.csv", r + 2, line.toString(), headerLine);
    }
    parser = new CsvRowParser(SchemaMapping.builder(SourceFormat.CSV).label("label").build());
  }

  /** One invocation parses {@value #ROWS} rows, so the score is rows per second. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void parseRows(Blackhole blackhole) throws RowRejectedException {
    for (RawRow row : rows) {
      ParsedRecord record = parser.parse(row);
      blackhole.consume(record);
    }
  }
}
