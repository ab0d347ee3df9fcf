package dev.sluice.jobs;

import dev.sluice.jobs.config.JobConfig;
import dev.sluice.jobs.config.RawConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain input many ITCases need: CSV objects whose rows have an id ({@code r<object>-<row>}),
 * two features and a 0/1 label, and the job that reads them.
 */
public final class CsvObjects {
  private CsvObjects() {}

  /** Writes {@code objects} objects of {@code rows} rows each into {@code folder}. */
  public static void write(Path folder, int objects, int rows) throws IOException {
    for (int object = 0; object < objects; object++) {
      List<String> lines = new ArrayList<>(List.of("id,x,y,label"));
      for (int i = 0; i < rows; i++) {
        lines.add("r" + object + "-" + i + "," + i + "," + (i * 0.5) + "," + (i % 2));
      }
      Files.write(folder.resolve("part-" + object + ".csv"), lines);
    }
  }

  /** The job from {@code input} to {@code output}: id and label mapped, parallelism 2. */
  public static JobConfig job(Path input, Path output, Map<String, String> settings) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("source.path", input.toUri().toString());
    values.put("source.format", "csv");
    values.put("schema.id", "id");
    values.put("schema.label", "label");
    values.put("sink.path", output.toUri().toString());
    values.put("job.parallelism", "2");
    values.putAll(settings);
    return JobConfig.from(RawConfig.of(values, "test"));
  }
}
