package dev.sluice.connectors.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connectors.testing.GoldenCorpus;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The protobuf payloads of the golden files, serialised by the reference runtime. */
class RecordGoldenTest {

  static List<String> recordFiles() {
    return GoldenCorpus.names().stream().filter(GoldenCorpus::holdsRecords).toList();
  }

  @ParameterizedTest
  @MethodSource("recordFiles")
  void decoderReadsEveryGoldenPayloadAsTheExpectedRecord(String name) throws Exception {
    for (ObjectNode line : GoldenCorpus.expected(name)) {
      byte[] payload = HexFormat.of().parseHex(line.get("payload_hex").asText());
      assertThat(RecordDecoder.decode(payload)).isEqualTo(GoldenCorpus.expectedRecord(line));
    }
  }

  @ParameterizedTest
  @MethodSource("recordFiles")
  void jsonRenderingHasTheShapeOfTheExpectedLines(String name) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    RecordJson json = new RecordJson();
    for (ObjectNode line : GoldenCorpus.expected(name)) {
      byte[] payload = HexFormat.of().parseHex(line.get("payload_hex").asText());
      ObjectNode expected = line.deepCopy();
      expected.remove("payload_hex");
      assertThat(mapper.readTree(json.toJson(RecordDecoder.decode(payload)))).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("recordFiles")
  void encoderCalledInFieldOrderWritesTheReferenceRuntimesBytes(String name) throws Exception {
    RecordEncoder encoder = new RecordEncoder(16);
    for (ObjectNode line : GoldenCorpus.expected(name)) {
      EncodeDecoded.encode(encoder.reset(), GoldenCorpus.expectedRecord(line));
      assertThat(HexFormat.of().formatHex(encoder.toByteArray()))
          .isEqualTo(line.get("payload_hex").asText());
    }
  }
}
