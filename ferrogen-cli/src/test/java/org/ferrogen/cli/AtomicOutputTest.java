package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: a kill -9 left .NAME….tmp files that later runs never cleaned up. */
class AtomicOutputTest {

  @Test
  void temporariesOfDeadWritersAreRemovedAndLiveOnesKept(@TempDir Path dir) throws Exception {
    // Linux process ids stay below 2^22, so this writer is certainly gone.
    Path dead = Files.writeString(dir.resolve(".out.json.999999999.123.tmp"), "half");
    Path live = Files.writeString(dir.resolve(".out.json." + ProcessHandle.current().pid() + ".456.tmp"), "busy");
    Path oldStyle = Files.writeString(dir.resolve(".out.json789.tmp"), "old");
    Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minusSeconds(7200)));
    Path recentOldStyle = Files.writeString(dir.resolve(".out.json790.tmp"), "maybe busy");
    Path otherOutput = Files.writeString(dir.resolve(".other.json.999999999.1.tmp"), "not ours");

    AtomicOutput.writeString(dir.resolve("out.json"), "{}");

    assertThat(dir.resolve("out.json")).hasContent("{}");
    assertThat(dead).doesNotExist();
    assertThat(oldStyle).doesNotExist();
    assertThat(live).exists();
    assertThat(recentOldStyle).exists();
    assertThat(otherOutput).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("out.json", live.getFileName().toString(),
              recentOldStyle.getFileName().toString(), otherOutput.getFileName().toString());
    }
  }
}
