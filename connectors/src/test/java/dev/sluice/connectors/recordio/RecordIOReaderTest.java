package dev.sluice.connectors.recordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Strict reading: every way a file can be wrong names the source, the offset and the fix. */
class RecordIOReaderTest {

  @Test
  void anEmptyStreamHoldsNoRecords() throws IOException {
    assertThat(reader(new byte[0]).next()).isFalse();
  }

  @Test
  void aHeaderClaimingFiveHundredMegabytesOnAHundredByteStreamFailsFastWithoutAllocatingIt() {
    byte[] file = new byte[100];
    RecordIO.putIntLE(file, 0, RecordIO.MAGIC);
    RecordIO.putIntLE(file, 4, 500_000_000);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);

    assertThatThrownBy(() -> reader(file).next())
        .isInstanceOf(RecordIOFormatException.class)
        .hasMessageContaining("test.rec at byte offset 100")
        .hasMessageContaining("expected 500000000 payload bytes for the chunk at byte offset 0")
        .hasMessageContaining("found only 92");
    assertThat(threads.getThreadAllocatedBytes(thread) - before).isLessThan(4 << 20);
  }

  @Test
  void aTruncatedHeaderIsReportedAtItsOffset() throws IOException {
    byte[] file = framed(new byte[] {1, 2, 3, 4});
    byte[] truncated = Arrays.copyOf(file, file.length + 5);
    RecordIOReader reader = reader(truncated);
    assertThat(reader.next()).isTrue();
    assertThatThrownBy(reader::next)
        .isInstanceOf(RecordIOFormatException.class)
        .hasMessage(
            "test.rec at byte offset 12: expected an 8-byte chunk header (magic word + length),"
                + " found 5 bytes before the end of the stream")
        .extracting(e -> ((RecordIOFormatException) e).offset())
        .isEqualTo(12L);
  }

  @Test
  void aWrongMagicWordIsReportedWithWhatWasFound() {
    byte[] file = framed(new byte[] {1, 2, 3, 4});
    file[0] = 0;
    assertThatThrownBy(() -> reader(file).next())
        .hasMessage(
            "test.rec at byte offset 0: expected the magic word 0xCED7230A, found 0xCED72300");
  }

  @Test
  void aContinuationPieceWithoutAFirstPieceIsRejected() {
    byte[] file = framed(new byte[] {1, 2, 3, 4});
    RecordIO.putIntLE(file, 4, RecordIO.encodeLrec(RecordIO.CFLAG_LAST, 4));
    assertThatThrownBy(() -> reader(file).next())
        .hasMessageContaining(
            "byte offset 0: expected cflag 0 or 1 at the start of a record, found 3");
  }

  @Test
  void anEscapedRecordCutShortAtTheEndOfTheStreamIsRejected() {
    byte[] file = framed(new byte[] {1, 2, 3, 4, 0x0A, 0x23, (byte) 0xD7, (byte) 0xCE, 5});
    byte[] firstPieceOnly = Arrays.copyOf(file, 12);
    assertThatThrownBy(() -> reader(firstPieceOnly).next())
        .hasMessageContaining(
            "byte offset 12: expected the next piece (cflag 2 or 3) of the escaped record that"
                + " starts at byte offset 0, found the end of the stream");
  }

  @Test
  void nonZeroPaddingIsCorruption() {
    byte[] file = framed(new byte[] {1});
    file[10] = 7;
    assertThatThrownBy(() -> reader(file).next())
        .hasMessageContaining("byte offset 10: expected a zero padding byte, found 0x07");
  }

  @Test
  void anSdkStyleRecordWithAnAlignedMagicWordReadsAsItIs() throws IOException {
    byte[] payload = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE};
    byte[] file = new byte[12];
    RecordIO.putIntLE(file, 0, RecordIO.MAGIC);
    RecordIO.putIntLE(file, 4, 4);
    System.arraycopy(payload, 0, file, 8, 4);
    RecordIOReader reader = reader(file);
    assertThat(reader.next()).isTrue();
    assertThat(reader.record()).isEqualTo(payload);
    assertThat(reader.escapedRecords()).isZero();
  }

  @Test
  void aSlowStreamThatDeliversOneByteAtATimeReadsTheSame() throws IOException {
    byte[] payload = new byte[200_000];
    Arrays.fill(payload, (byte) 3);
    byte[] file = framed(payload);
    InputStream trickle =
        new ByteArrayInputStream(file) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    RecordIOReader reader = new RecordIOReader(trickle, "trickle");
    assertThat(reader.next()).isTrue();
    assertThat(reader.record()).isEqualTo(payload);
    assertThat(reader.next()).isFalse();
  }

  static byte[] framed(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      RecordIOWriter.writeRecord(out, payload, 0, payload.length);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static RecordIOReader reader(byte[] file) {
    return new RecordIOReader(new ByteArrayInputStream(file), "test.rec");
  }
}
