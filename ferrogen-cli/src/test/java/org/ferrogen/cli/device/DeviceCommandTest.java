package org.ferrogen.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.cli.FerroGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeviceCommandTest {
  @TempDir Path dir;

  private int run(StringWriter err, String... args) throws Exception {
    java.lang.reflect.Method m = FerroGen.class.getDeclaredMethod("newCommandLine");
    m.setAccessible(true);
    CommandLine cli = (CommandLine) m.invoke(null);
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void loopWritesCsvAndPng() throws Exception {
    StringWriter err = new StringWriter();
    int code = run(err, "device", "loop", "--device-params", "deng-2020-fefet", "--out-dir", dir.toString(), "--seed", "3");
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.size(dir.resolve("deng-2020-fefet-loop.png"))).isGreaterThan(1000);
    assertThat(Files.readAllLines(dir.resolve("deng-2020-fefet-loop.csv")).get(0)).startsWith("series,");
  }

  @Test
  void unknownParameterSetAndBadYamlGiveOneLineErrors() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(run(err, "device", "energy", "--device-params", "no-such-set", "--out-dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown parameter set 'no-such-set'").doesNotContain("Exception");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nfilm: {thicknessM: -1}\n");
    StringWriter err2 = new StringWriter();
    assertThat(run(err2, "device", "loop", "--device-params", bad.toString(), "--out-dir", dir.toString())).isEqualTo(2);
    assertThat(err2.toString()).contains("bad.yaml");
  }

  @Test
  void aYamlFileWorksLikeABuiltInSet() throws Exception {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(
        file,
        org.ferrogen.device.params.ParameterSets.toYaml(
            org.ferrogen.device.params.ParameterSets.byName("cea-leti-2025")));
    StringWriter err = new StringWriter();
    assertThat(run(err, "device", "energy", "--device-params", file.toString(), "--out-dir", dir.toString())).as(err.toString()).isZero();
    assertThat(dir.resolve("cea-leti-2025-energy.png")).exists();
  }
}
