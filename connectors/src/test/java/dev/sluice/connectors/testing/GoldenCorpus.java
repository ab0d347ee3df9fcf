package dev.sluice.connectors.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.connectors.protobuf.DecodedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The vendored golden RecordIO-protobuf files and what their README says they hold. */
public final class GoldenCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenCorpus() {}

  /** The folder {@code golden/recordio} on the test classpath. */
  public static Path folder() {
    try {
      return Path.of(GoldenCorpus.class.getResource("/golden/recordio").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every {@code .rec} file's name without the extension, e.g. {@code magic-in-float.sdk-style}.
   */
  public static List<String> names() {
    try (Stream<Path> files = Files.list(folder())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rec"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path rec(String name) {
    return folder().resolve(name + ".rec");
  }

  public static byte[] recBytes(String name) {
    try {
      return Files.readAllBytes(rec(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expected lines; the SDK-style file holds the same records as its dmlc twin. */
  public static List<ObjectNode> expected(String name) {
    String base = name.replace(".sdk-style", "");
    try {
      List<ObjectNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(folder().resolve(base + ".expected.jsonl"))) {
        if (!line.isBlank()) {
          lines.add((ObjectNode) JSON.readTree(line));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<byte[]> expectedPayloads(String name) {
    return expected(name).stream()
        .map(line -> HexFormat.of().parseHex(line.get("payload_hex").asText()))
        .toList();
  }

  /** Files whose payloads are Records (all but the raw framing test). */
  public static boolean holdsRecords(String name) {
    return expected(name).get(0).has("features");
  }

  /** The {@code escaped=N} count dmlc's writer reported (aligned magic words cut), or -1. */
  public static int dmlcEscapes(String name) {
    try {
      JsonNode note = JSON.readTree(folder().resolve("index.json").toFile()).path(name);
      String writer = note.path("dmlc_writer").asText("");
      return writer.startsWith("escaped=") ? Integer.parseInt(writer.substring(8)) : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record an expected line describes, float32 taken from its exact bit patterns. */
  public static DecodedRecord expectedRecord(ObjectNode line) {
    return new DecodedRecord(
        values(line.path("features")),
        values(line.path("label")),
        text(line.get("uid")),
        text(line.get("metadata")),
        text(line.get("configuration")));
  }

  private static Map<String, DecodedValue> values(JsonNode map) {
    Map<String, DecodedValue> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      values.put(e.getKey(), value(e.getValue()));
    }
    return values;
  }

  private static DecodedValue value(JsonNode v) {
    switch (v.get("type").asText()) {
      case "float32":
        {
          JsonNode bits = v.get("values_bits_hex");
          float[] floats = new float[bits.size()];
          for (int i = 0; i < floats.length; i++) {
            floats[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(bits.get(i).asText(), 16));
          }
          return DecodedValue.float32(floats, longs(v.get("keys")), longs(v.get("shape")));
        }
      case "float64":
        {
          double[] doubles = new double[v.get("values").size()];
          for (int i = 0; i < doubles.length; i++) {
            doubles[i] = v.get("values").get(i).asDouble();
          }
          return DecodedValue.float64(doubles, longs(v.get("keys")), longs(v.get("shape")));
        }
      case "int32":
        {
          int[] ints = new int[v.get("values").size()];
          for (int i = 0; i < ints.length; i++) {
            ints[i] = v.get("values").get(i).intValue();
          }
          return DecodedValue.int32(ints, longs(v.get("keys")), longs(v.get("shape")));
        }
      case "bytes":
        {
          List<byte[]> bytes = new ArrayList<>();
          v.get("value_base64").forEach(b -> bytes.add(Base64.getDecoder().decode(b.asText())));
          return DecodedValue.bytes(bytes, text(v.get("content_type")));
        }
      default:
        throw new IllegalArgumentException("unknown golden value type in " + v);
    }
  }

  private static long[] longs(JsonNode array) {
    long[] longs = new long[array.size()];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = array.get(i).bigIntegerValue().longValue();
    }
    return longs;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
