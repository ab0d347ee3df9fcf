package dev.sluice.connectors.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connectors.recordio.RecordIOWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {

  @Test
  void aDenseRecordWithScalarLabelAndUidIsWrittenAsTheReferenceRuntimeWritesIt() {
    // many-2000.rec's first payload: features [0, 0], label 0, uid "row00000".
    RecordEncoder encoder =
        new RecordEncoder()
            .denseFeature(RecordEncoder.DEFAULT_NAME, new float[] {0f, 0f}, 0, 2)
            .scalarLabel(ValueType.FLOAT32, 0)
            .uid("row00000");
    assertThat(HexFormat.of().formatHex(encoder.array(), 0, encoder.length()))
        .isEqualTo(
            "0a160a0676616c756573120c120a0a080000000000000000"
                + "12120a0676616c756573120812060a0400000000"
                + "1a08726f773030303030");
  }

  @Test
  void encodingAWarmRecordAllocatesNothing() throws IOException {
    float[] features = new float[50];
    RecordEncoder encoder = new RecordEncoder();
    RecordIOWriter writer = new RecordIOWriter(OutputStream.nullOutputStream());
    String uid = "train/part-00003.csv:1000000";
    for (int i = 0; i < 1_000; i++) { // the buffer grows to size once
      encodeAndFrame(encoder, writer, features, uid);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      encodeAndFrame(encoder, writer, features, uid);
    }
    // A single boxed value or list per record would be megabytes here.
    assertThat(threads.getThreadAllocatedBytes(thread) - before).isLessThan(64 * 1024);
  }

  private static void encodeAndFrame(
      RecordEncoder encoder, RecordIOWriter writer, float[] features, String uid)
      throws IOException {
    encoder
        .reset()
        .denseFeature(RecordEncoder.DEFAULT_NAME, features, 0, features.length)
        .scalarLabel(ValueType.FLOAT32, 1)
        .uid(uid);
    writer.write(encoder.array(), 0, encoder.length());
  }

  @Test
  void aSliceOutsideTheArrayIsRejectedBeforeAnythingIsWritten() {
    RecordEncoder encoder = new RecordEncoder().uid("u");
    assertThatThrownBy(() -> encoder.denseFeature("x", new float[3], 2, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(encoder.length()).isEqualTo(3);
  }

  @Test
  void bytesAreNotATensorType() {
    assertThatThrownBy(
            () -> new RecordEncoder().denseFeature("x", ValueType.BYTES, new double[1], 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use bytesFeature/bytesLabel");
  }

  @Test
  void theBufferIsReusedAcrossRecords() throws Exception {
    RecordEncoder encoder = new RecordEncoder(16);
    encoder.denseFeature("big", ValueType.FLOAT64, new double[1000], 0, 1000);
    byte[] grown = encoder.array();
    encoder.reset().uid("small");
    assertThat(encoder.array()).isSameAs(grown);
    assertThat(RecordDecoder.decode(encoder.toByteArray()).uid()).isEqualTo("small");
    assertThat(RecordDecoder.decode(encoder.toByteArray()).features()).isEmpty();
  }
}
