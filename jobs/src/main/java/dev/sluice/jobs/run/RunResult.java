package dev.sluice.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.jobs.publish.JsonFiles;
import dev.sluice.jobs.publish.OutputLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a completed bounded run published, as its report says: the client reads it back from the
 * output, since the job published it.
 */
public record RunResult(OutputLayout layout, JsonNode report) {

  static RunResult read(OutputLayout layout) throws IOException {
    return new RunResult(layout, JsonFiles.read(layout.report()));
  }

  public long rowsRead() {
    return report.at("/rows/read").asLong();
  }

  public long rowsWritten() {
    return report.at("/rows/written").asLong();
  }

  public long rowsRejected() {
    return report.at("/rows/rejected").asLong();
  }

  /** Whether read = written + excluded + rejected, as the report says. */
  public boolean balanced() {
    return report.at("/rows/balanced").asBoolean();
  }

  /** The channels in order, with their records and shards. */
  public List<Channel> channels() {
    List<Channel> channels = new ArrayList<>();
    for (JsonNode channel : report.path("channels")) {
      channels.add(
          new Channel(
              channel.path("name").asText(),
              channel.path("records").asLong(),
              channel.path("shards").asInt()));
    }
    return channels;
  }

  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    report.path("warnings").forEach(w -> warnings.add(w.asText()));
    return warnings;
  }

  /** One published channel. */
  public record Channel(String name, long records, int shards) {}
}
