package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.cli.report.ChipRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  /** Every command the demo prints for repeating a step by hand is one the CLI accepts. */
  @Test
  void theCommandsTheDemoPrintsParse() {
    for (String line : DemoCommand.COMMANDS.values()) {
      for (String part : line.split("&&")) {
        String trimmed = part.trim();
        if (!trimmed.startsWith("ferrogen ")) {
          continue;
        }
        String[] args = trimmed.substring("ferrogen ".length()).replace("'And God said'", "And_God_said").split(" +");
        CommandLine cli = FerroGen.newCommandLine();
        cli.parseArgs(args); // throws on an unknown option or a bad value
      }
    }
    assertThat(DemoCommand.COMMANDS).containsKeys(ChipRun.Step.values());
  }

  @Test
  void runsFromAnotherFolderStreamsTextAndWritesTheReport(@TempDir Path dir) throws Exception {
    CommandLine cli = FerroGen.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("demo", "--out-dir", dir.toString(), "--quiet");
    String text = out.toString();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(text).contains("== 1/6", "== 6/6", "$ ferrogen device switching", "$ ferrogen cim mvm", "And God said")
        .contains("Report: " + dir.resolve("ferrogen-report.html").toAbsolutePath());
    String html = Files.readString(dir.resolve("ferrogen-report.html"));
    assertThat(html).contains("<h2 id=\"energy\">", "data:image/svg+xml;base64,").doesNotContain("<script")
        .doesNotContain("http://").doesNotContain("https://");
  }
}
