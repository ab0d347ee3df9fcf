package dev.sluice.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Test helpers for the statistical properties of hash modes. */
public final class Statistics {
  private Statistics() {}

  /** Asserts {@code count} of {@code n} Bernoulli(p) trials lies within 5 standard deviations. */
  public static void assertWithinFiveSigma(String what, long count, long n, double p) {
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat((double) count)
        .as("%s: %d of %d, expected %.1f ± 5 × %.2f", what, count, n, mean, sd)
        .isBetween(mean - 5 * sd - 1e-9, mean + 5 * sd + 1e-9);
  }

  /** Three fractions summing to 1 (train, validation, test), each at least 0.05. */
  public static Arbitrary<double[]> threeFractions() {
    return Arbitraries.integers()
        .between(5, 90)
        .flatMap(
            a ->
                Arbitraries.integers()
                    .between(5, 95 - a)
                    .map(b -> new double[] {a / 100.0, b / 100.0, (100 - a - b) / 100.0}));
  }

  /** Java-serializes and deserializes {@code value}, as Flink ships it to tasks. */
  @SuppressWarnings("unchecked")
  public static <T> T roundTrip(T value) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
