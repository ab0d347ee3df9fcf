package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.connectors.protobuf.DecodedValue;
import dev.sluice.connectors.protobuf.ValueType;
import dev.sluice.jobs.ChannelOutput;
import dev.sluice.jobs.MiniClusters;
import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each input format through the whole job, checked by decoding what it wrote: values, types, sparse
 * keys and shape, labels and uids.
 */
class InputFormatsITCase {

  @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

  @TempDir Path input;
  @TempDir Path output;

  private List<DecodedRecord> run(Map<String, String> values) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.put("source.path", input.toUri().toString());
    all.put("sink.path", output.toUri().toString());
    all.put("split.fractions", "1,0,0");
    new SluiceRun(JobConfig.from(RawConfig.of(all, "test"))).run();
    return new ChannelOutput(output.toUri().toString()).records("train");
  }

  private static Map<String, DecodedRecord> byUid(List<DecodedRecord> records) {
    Map<String, DecodedRecord> map = new LinkedHashMap<>();
    records.forEach(r -> map.put(r.uid(), r));
    return map;
  }

  @Test
  void avroRecordsBecomeDenseFloat64FeaturesWithTheirLabel() throws Exception {
    Schema schema =
        SchemaBuilder.record("Reading")
            .fields()
            .requiredString("id")
            .requiredDouble("temperature")
            .requiredDouble("pressure")
            .requiredInt("faulty")
            .endRecord();
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<GenericRecord>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, input.resolve("readings.avro").toFile());
      for (int i = 0; i < 50; i++) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", "m" + i);
        record.put("temperature", 20.0 + i / 8.0);
        record.put("pressure", 1013.25 - i);
        record.put("faulty", i % 2);
        writer.append(record);
      }
    }

    Map<String, DecodedRecord> records =
        byUid(
            run(
                Map.of(
                    "source.format", "avro",
                    "schema.id", "id",
                    "schema.label", "faulty",
                    "schema.feature-type", "float64")));

    assertThat(records).hasSize(50);
    DecodedValue features = records.get("m9").features().get("values");
    assertThat(features.type()).isEqualTo(ValueType.FLOAT64);
    assertThat(features.doubles()).containsExactly(20.0 + 9 / 8.0, 1013.25 - 9);
    assertThat(records.get("m9").label().get("values").floats()).containsExactly(1.0f);
  }

  @Test
  void libsvmLinesBecomeSparseFeaturesWithTheConfiguredDimension() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add((i % 3) + " " + (1 + i % 5) + ":0.5 " + (10 + i % 7) + ":" + i + " 20:-1");
    }
    Files.write(input.resolve("train.libsvm"), lines);

    List<DecodedRecord> records =
        run(Map.of("source.format", "libsvm", "source.libsvm.dimension", "20"));

    assertThat(records).hasSize(40);
    DecodedRecord line8 =
        records.stream().filter(r -> r.uid().endsWith("train.libsvm:8")).findFirst().orElseThrow();
    DecodedValue features = line8.features().get("values");
    // Line 8 is i = 7: "1 3:0.5 10:7 20:-1"; LibSVM indices are 1-based, keys 0-based.
    assertThat(features.keys()).containsExactly(2L, 9L, 19L);
    assertThat(features.floats()).containsExactly(0.5f, 7f, -1f);
    assertThat(features.shape()).containsExactly(20L);
    assertThat(line8.label().get("values").floats()).containsExactly(1f);
  }

  @Test
  void gzippedJsonLinesWithArrayFeaturesBecomeInt32Tensors() throws Exception {
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(input.resolve("counts.jsonl.gz")))) {
      for (int i = 0; i < 30; i++) {
        out.write(
            ("{\"id\":\"c"
                    + i
                    + "\",\"counts\":["
                    + i
                    + ","
                    + (i * 2)
                    + "],\"clicks\":"
                    + i
                    + "}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }

    Map<String, DecodedRecord> records =
        byUid(
            run(
                Map.of(
                    "source.format", "jsonl",
                    "schema.id", "id",
                    "schema.features", "counts",
                    "schema.feature-type", "int32")));

    assertThat(records).hasSize(30);
    DecodedValue features = records.get("c12").features().get("values");
    assertThat(features.type()).isEqualTo(ValueType.INT32);
    assertThat(features.ints()).containsExactly(12, 24);
    assertThat(records.get("c12").label()).isEmpty();
  }
}
