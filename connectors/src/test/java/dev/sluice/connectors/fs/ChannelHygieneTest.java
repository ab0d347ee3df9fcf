package dev.sluice.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connectors.sink.ShardNaming;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelHygieneTest {

  private static final Predicate<String> COMMITTED = ShardNaming::isCommittedShard;

  @Test
  void removesEverythingButTheCommittedPartsAtAnyDepth(@TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path channel = Files.createDirectories(dir.resolve("train"));
    Files.writeString(channel.resolve("part-a-0-0.rec"), "kept");
    Files.writeString(channel.resolve("part-a-0-1.rec"), "kept");
    Files.writeString(channel.resolve("_part-a-0-2.rec_tmp_x"), "junk");
    Files.writeString(channel.resolve(".part-a-0-3.rec.inprogress.y"), "junk");
    Files.createDirectories(channel.resolve("nested"));
    Files.writeString(channel.resolve("nested/part-a-1-0.rec"), "kept");
    Files.writeString(channel.resolve("nested/stray.json"), "junk");

    List<Path> removed = ChannelHygiene.removeAllButCommitted(new Path(channel.toUri()), COMMITTED);

    assertThat(removed)
        .extracting(Path::getName)
        .containsExactlyInAnyOrder(
            "_part-a-0-2.rec_tmp_x", ".part-a-0-3.rec.inprogress.y", "stray.json");
    assertThat(ChannelHygiene.filesUnder(new Path(channel.toUri())))
        .extracting(Path::getName)
        .containsExactlyInAnyOrder("part-a-0-0.rec", "part-a-0-1.rec", "part-a-1-0.rec");
  }

  @Test
  void keepsExactlyTheNamedShards(@TempDir java.nio.file.Path dir) throws Exception {
    Files.writeString(dir.resolve("part-a-0-0.rec"), "listed in the manifest");
    Files.writeString(dir.resolve("part-a-0-1.rec"), "not listed: a stale shard");

    List<Path> removed =
        ChannelHygiene.removeAllButCommitted(
            new Path(dir.toUri()), Set.of("part-a-0-0.rec")::contains);

    assertThat(removed).extracting(Path::getName).containsExactly("part-a-0-1.rec");
  }

  @Test
  void removesNothingUnderAPrefixThatDoesNotExist(@TempDir java.nio.file.Path dir)
      throws Exception {
    assertThat(
            ChannelHygiene.removeAllButCommitted(
                new Path(dir.resolve("missing").toUri()), COMMITTED))
        .isEmpty();
  }
}
