package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's main command: every step of the tour runs and prints its command and figures. */
class DemoCommandTest {

  @Test
  void everyStepRunsAndPrintsItsCommand(@TempDir Path dir) throws Exception {
    CommandLine cli = FerroGen.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("demo", "--out-dir", dir.toString());
    String text = out.toString();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(text)
        .contains("$ ./ferrogen device energy", "$ ./ferrogen cim mvm", "$ ./ferrogen trng assess",
            "$ ./ferrogen sp800-22", "1 stream of 1000000 bits", "LinearComplexity",
            "$ ./ferrogen generate --prompt 'And God said'", "entropy trng/cell", "backend chip", "nJ/token")
        .contains("Demo complete: 8 steps.");
    assertThat(Files.size(dir.resolve("trng-cell.bin"))).isEqualTo(125000);
  }
}
