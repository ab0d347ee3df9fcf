package dev.sluice.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sluice.jobs.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink is checked before any data moves; the message names sink.path and the fix. */
class SinkWritabilityTest {

  @TempDir Path dir;

  @Test
  void aFileAtTheSinkPathIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "x");

    assertThatThrownBy(() -> SinkWritability.check(file.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.path " + file + " is a file; it must be a folder");
  }

  @Test
  void aFolderBelowAFileIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    String below = file.resolve("out").toString();

    assertThatThrownBy(() -> SinkWritability.check(below))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.path " + below + " lies below the file")
        .hasMessageContaining("it must be a folder");
  }

  @Test
  void aReadOnlyFolderIsRefused() throws Exception {
    // Permissions do not bind root, so this case means something only for other users.
    assumeFalse("root".equals(System.getProperty("user.name")), "runs as root");
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> SinkWritability.check(readOnly.toString()))
          .isInstanceOf(SluiceRun.RunFailedException.class)
          .hasMessageContaining("cannot be written");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aWritableFolderPassesAndKeepsNoTraceOfTheCheck() throws Exception {
    Path out = dir.resolve("new/out");

    assertThatCode(() -> SinkWritability.check(out.toString())).doesNotThrowAnyException();
    // Not even the folder: a run refused later must leave nothing behind.
    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }
}
