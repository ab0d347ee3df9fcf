package dev.sluice.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The continuous run's shuffle: bounded memory, nothing held across a checkpoint. */
class ShuffleBufferTest {

  @Test
  void labelsSortedInBlocksShorterThanTheBufferLeaveMixed() {
    List<String> in = blocks(5_000, 50);
    assertThat(longestRun(in)).isEqualTo(50);

    List<String> out = shuffle(in, 500, 0, Integer.MAX_VALUE);

    assertThat(out).containsExactlyInAnyOrderElementsOf(in);
    assertThat(longestRun(out)).isLessThanOrEqualTo(20);
  }

  @Test
  void aCheckpointEmptiesTheBufferSoNothingIsHeldAcrossIt() {
    ShuffleBuffer.Slots slots = new ShuffleBuffer.Slots(100);
    List<String> out = new ArrayList<>();
    for (String payload : blocks(60, 30)) {
      slots.offer(record(payload, 0), collect(out));
    }
    assertThat(out).isEmpty();

    slots.drain(collect(out));

    assertThat(out).hasSize(60);
  }

  @Test
  void theSameInputAndSeedGiveTheSameOrderAndAnotherSeedAnother() {
    List<String> in = blocks(2_000, 100);

    assertThat(shuffle(in, 256, 0, 700)).isEqualTo(shuffle(in, 256, 0, 700));
    assertThat(shuffle(in, 256, 0, 700)).isNotEqualTo(shuffle(in, 256, 1, 700));
  }

  /** Offers every payload, draining as a checkpoint would after every {@code every} records. */
  private static List<String> shuffle(List<String> in, int capacity, long seed, int every) {
    ShuffleBuffer.Slots slots = new ShuffleBuffer.Slots(capacity);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      slots.offer(record(in.get(i), seed), collect(out));
      if ((i + 1) % every == 0) {
        slots.drain(collect(out));
      }
    }
    slots.drain(collect(out));
    return out;
  }

  /** {@code n} payloads {@code <label>:<i>}, the label alternating between 0 and 1 every block. */
  private static List<String> blocks(int n, int block) {
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      payloads.add((i / block) % 2 + ":" + i);
    }
    return payloads;
  }

  private static ChannelRecord record(String payload, long seed) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    ChannelRecord record = new ChannelRecord("train", bytes, bytes.length);
    record.order = ShuffleOrder.of(seed, payload.substring(payload.indexOf(':') + 1));
    return record;
  }

  /** Copies what it receives: the buffer reuses a record's holder once it has been handed on. */
  private static Consumer<ChannelRecord> collect(List<String> out) {
    return record -> out.add(new String(record.payload, 0, record.length, StandardCharsets.UTF_8));
  }

  static int longestRun(List<String> payloads) {
    int longest = 0;
    int run = 0;
    String previous = null;
    for (String payload : payloads) {
      String label = payload.substring(0, payload.indexOf(':'));
      run = label.equals(previous) ? run + 1 : 1;
      previous = label;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
