package dev.sluice.connectors.recordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why the writer escapes: dmlc's splitting reader re-synchronises on aligned magic words. */
class DmlcRecordIOSplitTest {
  // "abcd", the magic word, a word that reads as "cflag 0, length 4", "wxyz".
  private static final byte[] TRICKY = HexFormat.of().parseHex("616263640a23d7ce0400000077787a79");
  private static final byte[] SHORT = "1234".getBytes();

  @Test
  void anUnescapedAlignedMagicWordMakesDmlcSplittingCutTheRecord() throws IOException {
    byte[] sdkStyle = sdkStyle(TRICKY, SHORT); // 36 bytes: 3 parts of 12 bytes
    assertThatThrownBy(() -> DmlcRecordIOSplit.readPart(sdkStyle, 0, 3, "sdk.rec"))
        .isInstanceOf(RecordIOFormatException.class)
        .hasMessageContaining("expected 16 payload bytes for the chunk at byte offset 0");
    assertThat(DmlcRecordIOSplit.readPart(sdkStyle, 1, 3, "sdk.rec"))
        .as("part 1 starts inside the first record and reads its tail as a record")
        .containsExactly("wxzy".getBytes());
  }

  @Test
  void theSameRecordsWrittenByOurWriterSplitCleanlyIntoAnyNumberOfParts() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordIOWriter writer = new RecordIOWriter(out);
    writer.write(TRICKY);
    writer.write(SHORT);
    byte[] file = out.toByteArray();
    for (int parts = 1; parts <= 8; parts++) {
      List<String> all = new ArrayList<>();
      for (int rank = 0; rank < parts; rank++) {
        DmlcRecordIOSplit.readPart(file, rank, parts, "ours.rec").stream()
            .map(HexFormat.of()::formatHex)
            .forEach(all::add);
      }
      assertThat(all)
          .as("%d parts", parts)
          .containsExactly(HexFormat.of().formatHex(TRICKY), HexFormat.of().formatHex(SHORT));
    }
  }

  @Test
  void aPartBeyondTheFileIsEmptyAndABadRankIsRefused() throws IOException {
    byte[] file = sdkStyle(SHORT);
    assertThat(DmlcRecordIOSplit.readPart(file, 5, 6, "tiny.rec")).isEmpty();
    assertThatThrownBy(() -> DmlcRecordIOSplit.readPart(file, 2, 2, "tiny.rec"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The Python SDK's way: always cflag 0, never escaped. */
  private static byte[] sdkStyle(byte[]... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] payload : payloads) {
      byte[] header = new byte[8];
      RecordIO.putIntLE(header, 0, RecordIO.MAGIC);
      RecordIO.putIntLE(header, 4, payload.length);
      out.writeBytes(header);
      out.writeBytes(payload);
      out.writeBytes(new byte[RecordIO.align4(payload.length) - payload.length]);
    }
    return out.toByteArray();
  }
}
