package org.ferrogen.cli.randomness;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.InputFiles;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.FinalAnalysis;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import org.knowm.xchart.CategoryChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrogen sp800-22 FILE}: the NIST SP 800-22 battery with the STS final analysis. */
@Command(
    name = "sp800-22",
    mixinStandardHelpOptions = true,
    description = {
      "Run the 15 NIST SP 800-22 rev1a randomness tests on a bit file.",
      "Uses the STS 2.1.2 defaults and prints the STS final analysis per test: the proportion of"
          + " passing streams and the uniformity of their P-values.",
      "Exit code 1 when more (test, variant) lines fail than an ideal generator fails with probability 1 %%."
    },
    footer = {"%nExample:%n  ferrogen trng --bytes 12500000 -o bits.bin && ferrogen sp800-22 bits.bin --format msb --streams 100"})
public final class Sp80022Command implements Callable<Integer> {

  /** Most bytes read: 2^31 bits in the packed formats. */
  private static final long MAX_BYTES = (Integer.MAX_VALUE - 8) / 8;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "File of bits, or - for standard input.")
  String file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ascii",
      description = "${COMPLETION-CANDIDATES}. ascii: '0'/'1' characters and white space (the STS format);"
          + " msb/lsb: raw bytes, most/least significant bit first. Default: ${DEFAULT-VALUE}.")
  BitFormat format;

  @Option(names = "--stream-length", paramLabel = "BITS",
      description = "Bits per stream. Default: all bits, or the file divided by --streams.")
  Integer streamLength;

  @Option(names = "--streams", paramLabel = "M",
      description = "Number of consecutive streams. Default: 1, or as many as fit with --stream-length.")
  Integer streams;

  @Mixin OutDirOption outDir;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    String name = InputFiles.name(file);
    byte[] bytes = InputFiles.readAll(file, MAX_BYTES);
    BitSequence all = parse(name, bytes, format);
    int[] shape = shape(all.length(), streamLength, streams, name);
    List<BitSequence> parts = all.streams(shape[0], shape[1]);
    Sp80022Parameters parameters = Sp80022Parameters.defaults();
    Sp80022Battery battery = new Sp80022Battery(parameters);
    long start = System.nanoTime();
    Sp80022Battery.BatteryReport report;
    try (ProgressBars.Progress p = common.progress("SP 800-22", battery.progressUnits(parts.size()), "test")) {
      report = battery.run(parts, p);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (outDir.value().isPresent()) {
      Plots.write(outDir.create(null).resolve("sp800-22-p-values"), histograms(report, name));
    }
    PrintWriter out = spec.commandLine().getOut();
    FinalAnalysis.ChanceLevel chance = FinalAnalysis.chanceLevel(report.summary(), parameters.alpha());
    if (common.json()) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("file", name);
      header.put("format", format.cliName());
      header.put("alpha", parameters.alpha());
      out.println(Sp80022Report.json(header, report, parameters.alpha(), wall));
      out.flush();
    } else {
      Sp80022Report.printTable(out, name + " (" + format.cliName() + ")", report, parameters.alpha(), wall);
      out.println("Verdict: " + (Sp80022Report.batteryPasses(chance) ? "pass" : "FAIL")
          + " (the battery fails when an ideal generator fails as many lines with probability < 1 %).");
      out.flush();
    }
    List<String> tooShort = report.tooShort();
    if (!tooShort.isEmpty() && !common.json()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.name() + ": note: streams of " + report.streamLength() + " bits are too short for "
          + String.join("; ", tooShort));
      err.flush();
    }
    return ExitCode.of(Sp80022Report.batteryPasses(chance));
  }

  /**
   * The bits of {@code bytes} in {@code format}, refusing input that is not valid in it: ASCII
   * input may hold only '0', '1' and white space (a binary file read as ASCII would silently yield
   * the few bytes that happen to be '0' or '1'), and packed input that consists of '0'/'1'
   * characters is surely text.
   */
  static BitSequence parse(String name, byte[] bytes, BitFormat format) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (format == BitFormat.ASCII) {
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xFF;
        if (b != '0' && b != '1' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          throw new IllegalArgumentException(String.format(
              "%s is not an ASCII bit file: byte %d is 0x%02x, not '0', '1' or white space."
                  + " For a binary file give --format msb (most significant bit first, as `ferrogen trng` writes) or --format lsb",
              name, i, b));
        }
      }
      return BitSequence.parseAscii(bytes);
    }
    if (bytes.length >= 64 && isAsciiBits(bytes)) {
      throw new IllegalArgumentException(name + " holds only the characters '0', '1' and white space: it looks like"
          + " an ASCII bit file; read it with --format ascii");
    }
    return BitSequence.fromBytes(bytes, format);
  }

  private static boolean isAsciiBits(byte[] bytes) {
    for (byte x : bytes) {
      if (x != '0' && x != '1' && x != ' ' && x != '\n' && x != '\r' && x != '\t') {
        return false;
      }
    }
    return true;
  }

  /** One P-value histogram (ten bins, as the STS's C1..C10) per test, variants pooled. */
  static List<CategoryChart> histograms(Sp80022Battery.BatteryReport report, String name) {
    Map<String, int[]> byTest = new LinkedHashMap<>();
    for (FinalAnalysis.Summary s : report.summary()) {
      int[] h = byTest.computeIfAbsent(s.test().stsName(), k -> new int[10]);
      List<Integer> sh = s.histogram();
      for (int i = 0; i < 10 && i < sh.size(); i++) {
        h[i] += sh.get(i);
      }
    }
    List<String> bins = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bins.add(String.format("%.1f", i / 10.0));
    }
    List<CategoryChart> charts = new ArrayList<>();
    List<Map.Entry<String, int[]>> entries = new ArrayList<>(byTest.entrySet());
    // Three rows of five small panels would not fit a side-by-side strip; group five tests a chart.
    for (int g = 0; g < entries.size(); g += 5) {
      CategoryChart c = Plots.bars("SP 800-22 P-values, " + name + " (" + report.streams() + " streams)",
          "P-value bin (lower edge)", "fraction of the test's P-values");
      for (Map.Entry<String, int[]> e : entries.subList(g, Math.min(entries.size(), g + 5))) {
        // Fractions share one scale across tests with 1 and with 148 variants (0.1 per bin if flat).
        double total = Math.max(1, java.util.Arrays.stream(e.getValue()).sum());
        List<Double> fractions = new ArrayList<>();
        for (int v : e.getValue()) {
          fractions.add(v / total);
        }
        c.addSeries(e.getKey(), bins, fractions);
      }
      c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
      charts.add(c);
    }
    return charts;
  }

  /** {streamLength, streams} from the file size and the options, or a one-line error. */
  static int[] shape(int available, Integer streamLength, Integer streams, String file) {
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
