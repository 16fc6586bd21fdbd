package org.ferrogen.cli.randomness;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrogen sp800-22 FILE}: the NIST SP 800-22 battery with the STS final analysis. */
@Command(
    name = "sp800-22",
    mixinStandardHelpOptions = true,
    description = {
      "Run the 15 NIST SP 800-22 rev1a randomness tests on a bit file.",
      "Uses the STS 2.1.2 defaults and prints the STS final analysis per test: the proportion of"
          + " passing streams and the uniformity of their P-values."
    })
public final class Sp80022Command implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "File of bits.")
  Path file;

  @Option(names = "--format", paramLabel = "ascii|msb|lsb", defaultValue = "ascii",
      description = "ascii: '0'/'1' characters, anything else skipped (STS format); msb/lsb: raw bytes,"
          + " most/least significant bit first. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--stream-length", paramLabel = "N",
      description = "Bits per stream. Default: all bits, or the file divided by --streams.")
  Integer streamLength;

  @Option(names = "--streams", paramLabel = "M",
      description = "Number of consecutive streams. Default: 1, or as many as fit with --stream-length.")
  Integer streams;

  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    BitFormat bitFormat = BitFormat.parse(format);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          Files.exists(file) ? file + " is not a regular file" : "no such file: " + file);
    }
    BitSequence all = BitSequence.read(file, bitFormat);
    if (all.length() == 0) {
      throw new IllegalArgumentException(file + " holds no bits in format " + bitFormat.cliName());
    }
    int[] shape = shape(all.length(), streamLength, streams, file);
    List<BitSequence> parts = all.streams(shape[0], shape[1]);
    Sp80022Parameters parameters = Sp80022Parameters.defaults();
    long start = System.nanoTime();
    Sp80022Battery.BatteryReport report = new Sp80022Battery(parameters).run(parts);
    double wall = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("file", file.toString());
      header.put("format", bitFormat.cliName());
      header.put("alpha", parameters.alpha());
      out.println(Sp80022Report.json(header, report, parameters.alpha(), wall));
      out.flush();
    } else {
      Sp80022Report.printTable(out, file + " (" + bitFormat.cliName() + ")", report, parameters.alpha(), wall);
    }
    List<String> tooShort = report.tooShort();
    if (!tooShort.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.name() + ": streams of " + report.streamLength() + " bits are too short for "
          + String.join("; ", tooShort));
      err.flush();
      return 1;
    }
    return 0;
  }

  /** {streamLength, streams} from the file size and the options, or a one-line error. */
  static int[] shape(int available, Integer streamLength, Integer streams, Path file) {
    if (streamLength != null && streamLength <= 0) {
      throw new IllegalArgumentException("--stream-length must be positive, got " + streamLength);
    }
    if (streams != null && streams <= 0) {
      throw new IllegalArgumentException("--streams must be positive, got " + streams);
    }
    int m = streams != null ? streams : streamLength != null ? available / streamLength : 1;
    int n = streamLength != null ? streamLength : available / m;
    if (m == 0 || n == 0 || (long) m * n > available) {
      throw new IllegalArgumentException(file + " has " + available + " bits, fewer than "
          + (streams != null ? streams : 1) + " stream(s) of " + (streamLength != null ? streamLength : 1)
          + " bits");
    }
    return new int[] {n, m};
  }
}
