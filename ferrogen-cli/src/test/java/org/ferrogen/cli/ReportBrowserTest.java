package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Opens a report in a real headless browser (Debian's chromium; .ci/run installs it) and checks
 * that every plot rendered with a non-zero size and that the page logged nothing to the console.
 * A harness page loads the report in a frame and writes what it measured into its own DOM, which
 * {@code --dump-dom} prints; the report itself has no scripts.
 */
class ReportBrowserTest {

  private static Optional<String> browser() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void everyPlotRendersAndThePageLogsNoErrors(@TempDir Path dir) throws Exception {
    Optional<String> chromium = browser();
    Assumptions.assumeTrue(chromium.isPresent(),
        "SKIPPED: no headless browser (chromium) on PATH; install it with `apt-get install -y chromium` (.ci/run does)");
    Path model = dir.resolve("tiny.gguf");
    assertThat(FerroGen.execute("gguf", "random", "--param-count", "200K", "--vocab", "300", "--context-length", "64",
        "--seed", "1", "-o", model.toString())).isZero();
    Path report = dir.resolve("report.html");
    StringWriter err = new StringWriter();
    CommandLine cli = FerroGen.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cli.execute("report", "-o", report.toString(), "-m", model.toString(), "-n", "8", "--seed", "3",
        "--trng-samples", "20000", "--streams", "4", "--stream-length", "20000", "--quiet");
    assertThat(exit).as(err.toString()).isZero();
    int expectedPlots = count(Files.readString(report), "<img class=\"plot\"");
    assertThat(expectedPlots).isGreaterThanOrEqualTo(8);

    Path harness = dir.resolve("harness.html");
    Files.writeString(harness, """
        <!DOCTYPE html><html><body>
        <iframe id="f" src="report.html" style="width:1400px;height:900px"></iframe>
        <script>
        document.getElementById('f').addEventListener('load', () => {
          const d = document.getElementById('f').contentDocument;
          const lines = [...d.querySelectorAll('img.plot')].map(i => {
            const r = i.getBoundingClientRect();
            return 'PLOT ' + i.naturalWidth + ' ' + i.naturalHeight + ' ' + Math.round(r.width) + ' ' + Math.round(r.height);
          });
          const p = document.createElement('pre');
          p.id = 'result';
          p.textContent = 'RESULT\\n' + lines.join('\\n') + '\\nEND';
          document.body.appendChild(p);
        });
        </script></body></html>
        """, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--allow-file-access-from-files", "--virtual-time-budget=20000", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", harness.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectError(dir.resolve("browser.log").toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("browser.log"));
    assertThat(dom).as("browser output; log:\n" + log).contains("RESULT").contains("END");
    Matcher m = Pattern.compile("PLOT (\\d+) (\\d+) (\\d+) (\\d+)").matcher(dom);
    int plots = 0;
    while (m.find()) {
      plots++;
      for (int g = 1; g <= 4; g++) {
        assertThat(Integer.parseInt(m.group(g))).as("plot %d: %s", plots, m.group()).isPositive();
      }
    }
    assertThat(plots).isEqualTo(expectedPlots);
    // Console messages from the report (errors, failed loads) appear as CONSOLE lines naming its file.
    assertThat(log.lines().filter(l -> l.contains("CONSOLE") && l.contains("report.html")).toList()).isEmpty();
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
