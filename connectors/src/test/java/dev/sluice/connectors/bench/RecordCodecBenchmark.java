package dev.sluice.connectors.bench;

import dev.sluice.connectors.protobuf.RecordDecoder;
import dev.sluice.connectors.protobuf.RecordEncoder;
import dev.sluice.connectors.protobuf.ValueType;
import dev.sluice.connectors.protobuf.generated.RecordProtos;
import dev.sluice.connectors.recordio.RecordIOReader;
import dev.sluice.connectors.recordio.RecordIOWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded encode and decode of the pipeline's typical record: 50 dense float32 features, a
 * scalar float32 label and a uid. Throughput is records/s; the {@code payloadBytes} counter is
 * payload bytes/s (divide by 10^6 for MB/s). Run with {@code mvn -B -pl connectors -am verify
 * -Dbench=connectors -Djmh.include=RecordCodecBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class RecordCodecBenchmark {
  private static final int FEATURES = 50;
  private static final int BATCH = 1024;

  private final float[][] features = new float[BATCH][FEATURES];
  private final float[] labels = new float[BATCH];
  private final String[] uids = new String[BATCH];
  private final RecordEncoder encoder = new RecordEncoder();
  private final ReusedSink sink = new ReusedSink(1 << 20);
  private final RecordIOWriter writer = new RecordIOWriter(sink);
  private byte[] framedBatch;
  private int next;

  /** Payload bytes processed, reported by JMH as a rate: payload bytes per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Bytes {
    public long payloadBytes;

    @Setup(Level.Iteration)
    public void clear() {
      payloadBytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Random random = new Random(42);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    RecordIOWriter batchWriter = new RecordIOWriter(framed);
    long payloadBytes = 0;
    for (int r = 0; r < BATCH; r++) {
      for (int f = 0; f < FEATURES; f++) {
        features[r][f] = (float) random.nextGaussian();
      }
      labels[r] = random.nextInt(2);
      uids[r] = "train/part-00003.csv:" + (1_000_000 + r);
      encodeRecord(r);
      payloadBytes += encoder.length();
      batchWriter.write(encoder.array(), 0, encoder.length());
    }
    framedBatch = framed.toByteArray();
    System.out.printf(
        "%nRecordCodecBenchmark: %d-float records, payload %.1f bytes/record, framed %.1f"
            + " bytes/record; MB/s = records/s x payload bytes / 10^6%n",
        FEATURES, payloadBytes / (double) BATCH, framedBatch.length / (double) BATCH);
  }

  private void encodeRecord(int r) {
    encoder
        .reset()
        .denseFeature(RecordEncoder.DEFAULT_NAME, features[r], 0, FEATURES)
        .scalarLabel(ValueType.FLOAT32, labels[r])
        .uid(uids[r]);
  }

  /** RecordEncoder plus RecordIO framing into a reused buffer: one record per call. */
  @Benchmark
  public int encode(Bytes bytes) throws IOException {
    int r = next++ & (BATCH - 1);
    encodeRecord(r);
    writer.write(encoder.array(), 0, encoder.length());
    bytes.payloadBytes += encoder.length();
    return sink.size();
  }

  /** RecordIOReader plus RecordDecoder into DecodedRecord (generated classes, then copies). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void decode(Bytes bytes, Blackhole blackhole) throws IOException {
    try (RecordIOReader reader =
        new RecordIOReader(new ByteArrayInputStream(framedBatch), "batch")) {
      while (reader.next()) {
        blackhole.consume(RecordDecoder.decode(reader.buffer(), 0, reader.length()));
        bytes.payloadBytes += reader.length();
      }
    }
  }

  /** RecordIOReader plus parsing with the generated classes only, for comparison. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void decodeGeneratedOnly(Bytes bytes, Blackhole blackhole) throws IOException {
    try (RecordIOReader reader =
        new RecordIOReader(new ByteArrayInputStream(framedBatch), "batch")) {
      while (reader.next()) {
        blackhole.consume(
            RecordProtos.Record.parser().parseFrom(reader.buffer(), 0, reader.length()));
        bytes.payloadBytes += reader.length();
      }
    }
  }

  /** An unsynchronised in-memory stream that starts over when full, so encoding never allocates. */
  static final class ReusedSink extends OutputStream {
    private final byte[] buffer;
    private int size;

    ReusedSink(int capacity) {
      buffer = new byte[capacity];
    }

    @Override
    public void write(int b) {
      if (size == buffer.length) {
        size = 0;
      }
      buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buffer.length) {
        size = 0;
      }
      System.arraycopy(b, off, buffer, size, len);
      size += len;
    }

    int size() {
      return size;
    }
  }
}
