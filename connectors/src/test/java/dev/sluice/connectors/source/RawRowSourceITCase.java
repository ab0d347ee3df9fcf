package dev.sluice.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.parse.ParsedRecord;
import dev.sluice.connectors.parse.RowParser;
import dev.sluice.connectors.parse.RowParsers;
import dev.sluice.connectors.parse.SchemaMapping;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The FileSource of raw rows on a MiniCluster: every row arrives once with its object and line. */
class RawRowSourceITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  /** The object URI as Flink's file enumerator reports local files. */
  private static String uri(Path file) {
    return "file:" + file.toAbsolutePath();
  }

  private static List<RawRow> runBounded(Source<RawRow, ?, ?> source) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    List<RawRow> rows = new ArrayList<>();
    try (CloseableIterator<RawRow> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw rows").executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** Writes {@code n} CSV rows "i,i*0.5" after a header and returns the expected rows. */
  private static Map<String, RawRow> csv(Path file, int n, boolean gzip) throws Exception {
    Map<String, RawRow> expected = new HashMap<>();
    StringBuilder text = new StringBuilder("label,x\n");
    for (int i = 0; i < n; i++) {
      String line = i + "," + (i * 0.5);
      text.append(line).append('\n');
      RawRow row = new RawRow(uri(file), i + 2, line, "label,x");
      expected.put(row.object + ":" + row.line, row);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(bytes);
      }
    } else {
      Files.write(file, bytes);
    }
    return expected;
  }

  @Test
  void readsEveryCsvRowOfAFolderOnceIncludingGzipObjects() throws Exception {
    Map<String, RawRow> expected = new HashMap<>();
    expected.putAll(csv(dir.resolve("a.csv"), 3000, false));
    expected.putAll(csv(dir.resolve("b.csv"), 10, false));
    expected.putAll(csv(dir.resolve("c.csv.gz"), 2500, true));
    Files.writeString(dir.resolve("_SUCCESS"), "not data");

    List<RawRow> rows =
        runBounded(RawRowSources.fileSource(uri(dir), SourceFormat.CSV, true, null));

    assertThat(rows).hasSize(expected.size());
    Set<String> seen = new HashSet<>();
    for (RawRow row : rows) {
      String key = row.object + ":" + row.line;
      assertThat(seen.add(key)).as("row %s arrives once", key).isTrue();
      assertThat(row).isEqualTo(expected.get(key));
    }
  }

  @Test
  void readsJsonLinesObjects() throws Exception {
    Path file = dir.resolve("events.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      text.append("{\"y\":").append(i).append(",\"x\":[").append(i).append(",1]}\n");
    }
    Files.writeString(file, text);

    List<RawRow> rows =
        runBounded(RawRowSources.fileSource(uri(dir), SourceFormat.JSONL, true, null));

    assertThat(rows).hasSize(1500);
    assertThat(rows).extracting(r -> r.line).doesNotHaveDuplicates();
    // Each row carries its object's first line: it fixes the features of every row.
    assertThat(rows).allSatisfy(r -> assertThat(r.header).isEqualTo("{\"y\":0,\"x\":[0,1]}"));
    RowParser parser =
        RowParsers.create(SchemaMapping.builder(SourceFormat.JSONL).label("y").build());
    for (RawRow row : rows) {
      ParsedRecord record = parser.parse(row);
      assertThat(record.label[0]).isEqualTo(row.line - 1);
      assertThat(record.object).isEqualTo(uri(file));
    }
  }

  @Test
  void readsAvroContainerFilesAsJsonRows() throws Exception {
    AvroRowFormatTest.writeAvro(dir.resolve("p1.avro").toFile(), 1200);
    AvroRowFormatTest.writeAvro(dir.resolve("p2.avro").toFile(), 30);

    List<RawRow> rows =
        runBounded(RawRowSources.fileSource(uri(dir), SourceFormat.AVRO, false, null));

    assertThat(rows).hasSize(1230);
    RowParser parser =
        RowParsers.create(
            SchemaMapping.builder(SourceFormat.AVRO)
                .id("id")
                .group("group")
                .label("label")
                .features(List.of("features"))
                .build());
    Set<String> uids = new HashSet<>();
    for (RawRow row : rows) {
      ParsedRecord record = parser.parse(row);
      long index = row.line - 1;
      assertThat(record.id).isEqualTo("r" + index);
      assertThat(record.label).containsExactly((double) index);
      assertThat(record.features).containsExactly((double) index, index / 2.0);
      assertThat(uids.add(row.object + ":" + record.id)).isTrue();
    }
  }

  @Test
  void picksUpObjectsThatLandWhileMonitoringContinuously() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("landing"));
    Map<String, RawRow> expected = new HashMap<>(csv(folder.resolve("first.csv"), 50, false));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    Source<RawRow, ?, ?> source =
        RawRowSources.fileSource(uri(folder), SourceFormat.CSV, true, Duration.ofMillis(200));
    List<RawRow> rows = new ArrayList<>();
    try (CloseableIterator<RawRow> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw rows").executeAndCollect()) {
      while (rows.size() < 50) {
        rows.add(it.next());
      }
      // Written elsewhere and moved in, as an object store makes an object visible at once.
      Path staging = Files.createDirectory(dir.resolve("staging"));
      Map<String, RawRow> later = csv(staging.resolve("second.csv"), 70, false);
      Files.move(staging.resolve("second.csv"), folder.resolve("second.csv"));
      for (RawRow row : later.values()) {
        RawRow moved =
            new RawRow(uri(folder.resolve("second.csv")), row.line, row.text, row.header);
        expected.put(moved.object + ":" + moved.line, moved);
      }
      while (rows.size() < 120) {
        rows.add(it.next());
      }
    }
    Map<String, RawRow> got = new HashMap<>();
    rows.forEach(r -> got.put(r.object + ":" + r.line, r));
    assertThat(got.keySet()).hasSize(120).isEqualTo(expected.keySet());
    assertThat(got).isEqualTo(expected);
  }
}
