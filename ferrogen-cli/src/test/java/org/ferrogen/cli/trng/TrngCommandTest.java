package org.ferrogen.cli.trng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.cli.FerroGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrngCommandTest {

  @TempDir Path dir;

  @Test
  void writesReproducibleConditionedAndRawBytes() throws Exception {
    Path a = dir.resolve("a.bin");
    Path b = dir.resolve("b.bin");
    Path raw = dir.resolve("raw.bin");
    assertThat(FerroGen.execute("trng", "--trng-design", "pair", "--bytes", "4096", "--seed", "5", "-o", a.toString())).isZero();
    assertThat(FerroGen.execute("trng", "--trng-design", "pair", "--bytes", "4096", "--seed", "5", "-o", b.toString())).isZero();
    assertThat(FerroGen.execute("trng", "--trng-design", "pair", "--bytes", "512", "--raw", "--seed", "5", "-o", raw.toString())).isZero();
    assertThat(Files.readAllBytes(a)).hasSize(4096).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(raw)).hasSize(512).isNotEqualTo(java.util.Arrays.copyOf(Files.readAllBytes(a), 512));
  }

  @Test
  void unknownDesignIsAUsageError() {
    assertThat(FerroGen.execute("trng", "--trng-design", "coin", "--bytes", "8", "-o", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void subcommandsRunWithoutTheParentsDesignOption() {
    assertThat(FerroGen.execute("trng", "health", "--samples", "100000", "--seed", "1")).isZero();
    // One default design (cell) everywhere: the parent command runs without --trng-design too.
    assertThat(FerroGen.execute("trng", "--bytes", "8", "-o", dir.resolve("y").toString())).isZero();
    assertThat(dir.resolve("y")).hasSize(8);
  }

  @Test
  void refusesToWriteBinaryToATerminal() {
    var saved = TrngCommand.stdoutTerminal;
    TrngCommand.stdoutTerminal = () -> true;
    try {
      java.io.StringWriter err = new java.io.StringWriter();
      var cli = new picocli.CommandLine(new org.ferrogen.cli.FerroGen());
      cli.setErr(new java.io.PrintWriter(err));
      cli.setExecutionExceptionHandler((ex, c, p) -> {
        c.getErr().println(ex.getMessage());
        return org.ferrogen.cli.ExitCode.BAD_INPUT;
      });
      assertThat(cli.execute("trng", "--bytes", "8", "--seed", "1")).isEqualTo(2);
      assertThat(err.toString()).contains("refusing to write binary").contains("-o FILE");
      // A file is still fine.
      assertThat(FerroGen.execute("trng", "--bytes", "8", "--seed", "1", "-o", dir.resolve("z").toString())).isZero();
    } finally {
      TrngCommand.stdoutTerminal = saved;
    }
  }

  @Test
  void packsRawSamplesMostSignificantBitFirst() {
    byte[] samples = {1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1};
    byte[] out = new byte[2];
    TrngCommand.packMsbFirst(samples, out, 2);
    assertThat(out).containsExactly((byte) 0x81, (byte) 0x7F);
  }
}
