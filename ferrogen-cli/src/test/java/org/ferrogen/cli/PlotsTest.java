package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotsTest {

  @Test
  void ticksCarrySiPrefixesAndShortNumbers() {
    assertThat(Plots.withPrefix(7.5e-8, "s")).isEqualTo("75 ns");
    assertThat(Plots.withPrefix(2.5, "V")).isEqualTo("2.5 V");
    assertThat(Plots.withPrefix(1.88e-13, "F")).isEqualTo("188 fF");
    assertThat(Plots.withPrefix(0.9996e-6, "A")).isEqualTo("1 µA"); // rounding carries to the next prefix
    assertThat(Plots.withPrefix(0, "J")).isEqualTo("0 J");
    assertThat(Plots.number(0.2)).isEqualTo("0.2");
    assertThat(Plots.number(0.30000000000000004)).isEqualTo("0.3");
    assertThat(Plots.number(123456)).isEqualTo("1.23e5");
    assertThat(Plots.number(1e-7)).isEqualTo("1e-7");
  }

  @Test
  void everyFigureIsWrittenAsPngAndAsValidSvg(@TempDir Path dir) throws Exception {
    var a = Plots.xy("Switching probability, " + Plots.withPrefix(75e-9, "s") + " pulses", "pulse amplitude", "V", "P", null);
    a.addSeries("N = 1000 domains", new double[] {0.5, 1, 1.5}, new double[] {0, 0.5, 1});
    var b = Plots.xy("second", "x", null, "y", null);
    b.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
    Plots.write(dir.resolve("fig.png"), List.of(a, b));
    assertThat(dir.resolve("fig.png")).exists();
    String svg = Files.readString(dir.resolve("fig.svg"));
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    // Well-formed XML (a duplicated attribute once made every embedded plot undecodable).
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    var doc = f.newDocumentBuilder().parse(dir.resolve("fig.svg").toFile());
    assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo(String.valueOf(2 * Plots.WIDTH));
  }

  @Test
  void versionNamesTheGitCommit() {
    StringWriter out = new StringWriter();
    CommandLine cli = FerroGen.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("ferrogen 0.1.0-SNAPSHOT (git ").contains("Java ");
  }
}
