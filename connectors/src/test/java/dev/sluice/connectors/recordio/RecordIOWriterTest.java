package dev.sluice.connectors.recordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecordIOWriterTest {

  @Test
  void aRecordLongerThanTwentyNineBitsIsRefusedWithAClearMessage() {
    // The length is checked before the payload is touched, so no 512 MiB array is needed.
    byte[] small = new byte[4];
    assertThatThrownBy(
            () -> RecordIOWriter.writeRecord(OutputStream.nullOutputStream(), small, 0, 1 << 29))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 536870911 bytes (2^29 - 1")
        .hasMessageContaining("this one has 536870912");
  }

  @Test
  void aMagicWordAtAnAlignedOffsetIsCutOutAndTheLastPieceIsPadded() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] payload = HexFormat.of().parseHex("616263640a23d7ce65");
    RecordIOWriter writer = new RecordIOWriter(out);
    writer.write(payload);
    assertThat(HexFormat.of().formatHex(out.toByteArray()))
        .isEqualTo("0a23d7ce" + "04000020" + "61626364" + "0a23d7ce" + "01000060" + "65000000");
    assertThat(writer.escapedRecords()).isEqualTo(1);
    assertThat(writer.records()).isEqualTo(1);
    assertThat(writer.bytes()).isEqualTo(24);
  }
}
