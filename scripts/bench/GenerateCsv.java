import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the throughput benchmark's input: ROWS rows of 50 float features and a 0/1 label as CSV,
 * spread over OBJECTS objects, the way a data team's export lands. Deterministic: the same
 * arguments give the same bytes, so runs on different days read the same input.
 *
 * <p>Each feature is uniform in [0, 1) written with six decimals ({@code 0.123456}), as {@code
 * %.6f} would write it; the digits are produced by hand because {@code String.format} would make
 * the generator slower than the job it feeds.
 *
 * <p>Usage: {@code java scripts/bench/GenerateCsv.java DIR ROWS OBJECTS}
 */
public final class GenerateCsv {
  static final int FEATURES = 50;
  static final long SEED = 20240501L;
  static final int MICROS = 1_000_000;

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: java GenerateCsv.java DIR ROWS OBJECTS");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
    int objects = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    for (int o = 0; o < objects; o++) {
      // Rows are dealt out evenly; the first objects take the remainder.
      long count = rows / objects + (o < rows % objects ? 1 : 0);
      Path file = dir.resolve(String.format("part-%03d.csv", o));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        writeObject(out, count, new SplittableRandom(SEED + o));
      }
    }
  }

  static void writeObject(OutputStream out, long rows, SplittableRandom random) throws IOException {
    StringBuilder header = new StringBuilder();
    for (int f = 0; f < FEATURES; f++) {
      header.append('f').append(f).append(',');
    }
    out.write(
        header.append("label\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] line = new byte[FEATURES * 9 + 2];
    for (long r = 0; r < rows; r++) {
      int p = 0;
      for (int f = 0; f < FEATURES; f++) {
        int micros = random.nextInt(MICROS);
        line[p++] = '0';
        line[p++] = '.';
        for (int d = 5; d >= 0; d--) {
          line[p + d] = (byte) ('0' + micros % 10);
          micros /= 10;
        }
        p += 6;
        line[p++] = ',';
      }
      line[p++] = (byte) (random.nextBoolean() ? '1' : '0');
      line[p++] = '\n';
      out.write(line, 0, p);
    }
  }
}
