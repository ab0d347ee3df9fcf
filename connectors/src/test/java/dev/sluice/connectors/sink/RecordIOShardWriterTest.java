package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.recordio.RecordIOWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.junit.jupiter.api.Test;

/** Drives the shard writer the way the FileSink does, and looks at what reaches the part file. */
class RecordIOShardWriterTest {

  /** A part file that keeps its bytes and remembers each write it was given. */
  private static final class PartFile extends FSDataOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> writes = new ArrayList<>();

    @Override
    public void write(int b) {
      writes.add(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes.add(len);
      bytes.write(b, off, len);
    }

    @Override
    public long getPos() {
      return bytes.size();
    }

    @Override
    public void flush() {}

    @Override
    public void sync() {}

    @Override
    public void close() {}
  }

  private static List<byte[]> payloads(int count, int length) {
    Random random = new Random(7);
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] payload = new byte[length + random.nextInt(8)];
      random.nextBytes(payload);
      payloads.add(payload);
    }
    return payloads;
  }

  private static byte[] framed(List<byte[]> payloads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordIOWriter writer = new RecordIOWriter(out);
    for (byte[] payload : payloads) {
      writer.write(payload);
    }
    return out.toByteArray();
  }

  @Test
  void aFinishedShardHoldsEveryRecordInRecordIoFraming() throws Exception {
    PartFile part = new PartFile();
    BulkWriter<ChannelRecord> writer = RecordIOShardWriter.factory().create(part);
    List<byte[]> payloads = payloads(1_000, 300);

    for (byte[] payload : payloads) {
      writer.addElement(ChannelRecord.of("train", payload));
    }
    writer.finish();

    assertThat(part.bytes.toByteArray()).isEqualTo(framed(payloads));
  }

  @Test
  void theFirstRecordReachesThePartFileAtOnce() throws Exception {
    // The rolling policy reads the first record's size from the part file.
    PartFile part = new PartFile();
    BulkWriter<ChannelRecord> writer = RecordIOShardWriter.factory().create(part);
    byte[] first = new byte[100];

    writer.addElement(ChannelRecord.of("train", first));

    assertThat(part.getPos()).isEqualTo(RecordIOWriter.framedLength(first, 0, first.length));
  }

  @Test
  void recordsReachThePartFileInFewLargeWrites() throws Exception {
    PartFile part = new PartFile();
    BulkWriter<ChannelRecord> writer = RecordIOShardWriter.factory().create(part);

    for (byte[] payload : payloads(10_000, 300)) {
      writer.addElement(ChannelRecord.of("train", payload));
    }
    writer.flush();

    // ~3.1 MB: the first record alone, then writes of nearly a buffer each, then the rest.
    List<Integer> middle = part.writes.subList(1, part.writes.size() - 1);
    assertThat(middle).isNotEmpty();
    assertThat(middle)
        .allSatisfy(n -> assertThat(n).isGreaterThan(RecordIOShardWriter.BUFFER_BYTES - 400));
    assertThat(part.writes.size()).isLessThan(3_200_000 / (RecordIOShardWriter.BUFFER_BYTES / 2));
  }

  @Test
  void aRecordLargerThanTheBufferIsWrittenWhole() throws Exception {
    PartFile part = new PartFile();
    BulkWriter<ChannelRecord> writer = RecordIOShardWriter.factory().create(part);
    List<byte[]> payloads = List.of(new byte[10], new byte[3 * RecordIOShardWriter.BUFFER_BYTES]);

    for (byte[] payload : payloads) {
      writer.addElement(ChannelRecord.of("train", payload));
    }
    writer.flush();

    assertThat(part.bytes.toByteArray()).isEqualTo(framed(payloads));
  }
}
