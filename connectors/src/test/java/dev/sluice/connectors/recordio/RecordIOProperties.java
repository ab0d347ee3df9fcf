package dev.sluice.connectors.recordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.connectors.PropertySeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Framing round-trips, survives dmlc splitting, and detects corruption. */
class RecordIOProperties {
  private static final byte[] MAGIC = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE};

  @Example
  void aMagicWordAtEveryAlignedAndUnalignedOffsetRoundTrips() throws IOException {
    List<byte[]> payloads = new ArrayList<>();
    payloads.add(new byte[0]);
    for (int length = 4; length <= 24; length++) {
      for (int at = 0; at + 4 <= length; at++) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
          payload[i] = (byte) (i + 1);
        }
        System.arraycopy(MAGIC, 0, payload, at, 4);
        payloads.add(payload);
      }
    }
    byte[] file = write(payloads);
    assertThat(hex(read(file))).containsExactlyElementsOf(hex(payloads));
    assertSplitsReadTheSame(file, payloads, 13);
  }

  @Property(seed = PropertySeed.FIXED, tries = 300)
  void randomPayloadsRoundTrip(@ForAll("payloadLists") List<byte[]> payloads) throws IOException {
    assertThat(hex(read(write(payloads)))).containsExactlyElementsOf(hex(payloads));
  }

  @Property(seed = PropertySeed.FIXED, tries = 200)
  void everyWrittenFileReadsTheSameUnderAnyNumberOfDmlcParts(
      @ForAll("payloadLists") List<byte[]> payloads, @ForAll @IntRange(min = 1, max = 16) int parts)
      throws IOException {
    assertSplitsReadTheSame(write(payloads), payloads, parts);
  }

  @Property(seed = PropertySeed.FIXED, tries = 300)
  void theFramedLengthIsWhatTheWriterWrites(@ForAll("payloads") byte[] payload) throws IOException {
    assertThat(RecordIOWriter.framedLength(payload, 0, payload.length))
        .isEqualTo(write(List.of(payload)).length);
  }

  @Property(seed = PropertySeed.FIXED, tries = 500)
  void aCorruptedByteIsDetectedOrReadsAsDifferentRecordsWithoutRunawayAllocation(
      @ForAll("payloadLists") @Size(min = 1) List<byte[]> payloads,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
      @ForAll @IntRange(min = 1, max = 255) int flip)
      throws IOException {
    byte[] file = write(payloads);
    int at = where % file.length;
    file[at] ^= (byte) flip;

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] allocated = new long[1];
    // Whatever the corruption, reading ends, and soon: a reader that trusted a bad header could
    // wait for bytes that never come or loop on the same ones.
    List<byte[]> decoded =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> {
              long thread = Thread.currentThread().getId();
              long before = threads.getThreadAllocatedBytes(thread);
              try {
                return read(file);
              } catch (RecordIOFormatException detected) {
                assertThat(detected.offset()).isBetween(0L, (long) file.length);
                assertThat(detected.getMessage()).startsWith("corrupt.rec at byte offset ");
                return null;
              } finally {
                allocated[0] = threads.getThreadAllocatedBytes(thread) - before;
              }
            });
    if (decoded != null) {
      assertThat(hex(decoded)).isNotEqualTo(hex(payloads));
    }
    // Buffers follow the bytes that arrive, not the lengths headers claim.
    assertThat(allocated[0]).isLessThan(2L * 1024 * 1024 + 8L * file.length);
  }

  @Provide
  Arbitrary<List<byte[]>> payloadLists() {
    return payloads().list().ofMaxSize(12);
  }

  /** Bytes biased towards the magic word's, with whole magic words spliced in anywhere. */
  @Provide
  Arbitrary<byte[]> payloads() {
    Arbitrary<Byte> bytes =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.bytes()),
            net.jqwik.api.Tuple.of(
                2, Arbitraries.of((byte) 0x0A, (byte) 0x23, (byte) 0xD7, (byte) 0xCE, (byte) 0)));
    Arbitrary<byte[]> base = bytes.array(byte[].class).ofMaxSize(40);
    Arbitrary<List<Integer>> insertions = Arbitraries.integers().between(0, 40).list().ofMaxSize(4);
    return net.jqwik.api.Combinators.combine(base, insertions)
        .as(
            (payload, at) -> {
              byte[] result = payload;
              for (int position : at) {
                int p = Math.min(position, result.length);
                byte[] longer = new byte[result.length + 4];
                System.arraycopy(result, 0, longer, 0, p);
                System.arraycopy(MAGIC, 0, longer, p, 4);
                System.arraycopy(result, p, longer, p + 4, result.length - p);
                result = longer;
              }
              return result;
            });
  }

  private static void assertSplitsReadTheSame(byte[] file, List<byte[]> payloads, int parts)
      throws IOException {
    List<byte[]> all = new ArrayList<>();
    for (int rank = 0; rank < parts; rank++) {
      all.addAll(DmlcRecordIOSplit.readPart(file, rank, parts, "written.rec"));
    }
    assertThat(hex(all)).as("%d parts", parts).containsExactlyElementsOf(hex(payloads));
  }

  static byte[] write(List<byte[]> payloads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordIOWriter writer = new RecordIOWriter(out);
    for (byte[] payload : payloads) {
      writer.write(payload);
    }
    return out.toByteArray();
  }

  static List<byte[]> read(byte[] file) throws IOException {
    List<byte[]> records = new ArrayList<>();
    try (RecordIOReader reader =
        new RecordIOReader(new ByteArrayInputStream(file), "corrupt.rec")) {
      while (reader.next()) {
        records.add(reader.record());
      }
    }
    return records;
  }

  static List<String> hex(List<byte[]> payloads) {
    return payloads.stream().map(HexFormat.of()::formatHex).toList();
  }
}
