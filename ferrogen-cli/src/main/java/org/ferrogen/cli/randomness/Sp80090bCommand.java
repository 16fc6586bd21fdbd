package org.ferrogen.cli.randomness;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.InputFiles;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.ThreadsOption;
import org.ferrogen.randomness.sp80090b.Bzip2Length;
import org.ferrogen.randomness.sp80090b.ChiSquareTests;
import org.ferrogen.randomness.sp80090b.EstimatorResult;
import org.ferrogen.randomness.sp80090b.IidAssessment;
import org.ferrogen.randomness.sp80090b.NonIidAssessment;
import org.ferrogen.randomness.sp80090b.PermutationTests;
import org.ferrogen.randomness.sp80090b.Samples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferrogen sp800-90b}: NIST SP 800-90B entropy assessment of a sample file. */
@Command(
    name = "sp800-90b",
    mixinStandardHelpOptions = true,
    description = {
      "Assess the min-entropy of raw noise samples as NIST SP 800-90B does (same estimators,"
      + " constants and results as NIST's ea_non_iid / ea_iid).",
      "FILE holds one sample per byte (the low k bits are the symbol), or packed samples with --format packed-msb.",
      "Exit code 1 when the IID track rejects the IID assumption."
    },
    footer = {"%nThe non-IID track runs its estimators, the IID track its permutations, on --threads threads:"
        + " one takes the least CPU time, more take less wall time; the results do not depend on the number.%n"
        + "%nExamples:%n  ferrogen sp800-90b samples.bin -k 8 --out-dir plots/%n"
        + "  ferrogen trng --raw --bytes 125000 -o raw.bin && ferrogen sp800-90b raw.bin -k 1 --format packed-msb"})
public final class Sp80090bCommand implements Callable<Integer> {

  /** The two assessment tracks. */
  enum Track {
    NON_IID("non-iid"),
    IID("iid");

    final String label;

    Track(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  @Spec CommandSpec spec;

  /** How samples are stored in the file. */
  enum Format {
    /** One sample per byte, the symbol in its low k bits (NIST's ea_non_iid format). */
    BYTES("bytes"),
    /** k-bit samples packed into bytes, most significant bits first (what {@code ferrogen trng --raw} writes). */
    PACKED_MSB("packed-msb"),
    /** k-bit samples packed into bytes, least significant bits first. */
    PACKED_LSB("packed-lsb");

    final String label;

    Format(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  @Parameters(index = "0", paramLabel = "FILE|-", description = "Sample file, or - for standard input.")
  String file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bytes", converter = FormatConverter.class,
      completionCandidates = FormatNames.class,
      description = "${COMPLETION-CANDIDATES}: one sample per byte (default), or k-bit samples packed MSB or LSB first"
          + " (k = 1, 2, 4 or 8; `ferrogen trng --raw` writes packed-msb with k = 1).")
  Format format;

  @Option(
      names = {"-k", "--bits-per-symbol"},
      required = true,
      paramLabel = "k",
      description = "Bits per sample, 1..8.")
  int bitsPerSymbol;

  @Option(
      names = "--track",
      paramLabel = "TRACK",
      defaultValue = "non-iid",
      converter = TrackConverter.class,
      description = "non-iid (section 6.3 estimators, default) or iid (section 5 tests + MCV).")
  Track track;

  @Option(names = "--strict", description = {"Exit with code 1 when the file holds fewer samples than the"
      + " 1,000,000 SP 800-90B requires (otherwise a warning only)."})
  boolean strict;

  @Mixin SeedOption seedOption;

  @Mixin ThreadsOption threads;

  @Mixin org.ferrogen.cli.options.OutDirOption outDir;

  @Mixin CommonOptions common;

  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      for (Format f : Format.values()) {
        add(f.label);
      }
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.label.equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown format '" + value + "' (valid: " + String.join(", ", new FormatNames()) + ")");
    }
  }

  static final class TrackConverter implements picocli.CommandLine.ITypeConverter<Track> {
    @Override
    public Track convert(String value) {
      for (Track t : Track.values()) {
        if (t.label.equals(value)) {
          return t;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("--track must be non-iid or iid, got '" + value + "'");
    }
  }

  @Override
  public Integer call() throws Exception {
    if (bitsPerSymbol < 1 || bitsPerSymbol > 8) {
      throw new IllegalArgumentException("--bits-per-symbol must be 1..8, got " + bitsPerSymbol);
    }
    String name = InputFiles.name(file);
    byte[] data = InputFiles.readAll(file, format == Format.BYTES ? Integer.MAX_VALUE - 8 : (Integer.MAX_VALUE - 8) / 8);
    Samples samples = samples(name, data, format, bitsPerSymbol);
    PrintWriter out = spec.commandLine().getOut();
    int code = ExitCode.OK;
    if (track == Track.NON_IID) {
      NonIidAssessment.Result r;
      try (ProgressBars.Progress p = common.progress("SP 800-90B non-IID",
          NonIidAssessment.estimatorRuns(samples.alphabetSize()), "estimator")) {
        r = NonIidAssessment.assess(samples, threads.value(), p);
      }
      if (outDir.value().isPresent()) {
        org.ferrogen.cli.Plots.write(outDir.create(null).resolve("sp800-90b-estimators"), estimatorCharts(name, r));
      }
      if (common.json()) {
        out.println(Json.write(nonIidJson(r)));
      } else {
        printNonIid(out, samples, r);
      }
    } else {
      IidAssessment.Result r;
      try (ProgressBars.Progress p = common.progress("SP 800-90B IID", -1, "")) {
        r = IidAssessment.assess(samples, seedOption.value(), threads.value());
      }
      if (common.json()) {
        out.println(Json.write(iidJson(r)));
      } else {
        printIid(out, samples, r);
      }
      code = ExitCode.of(r.passed());
    }
    out.flush();
    if (samples.length() < Samples.RECOMMENDED_SAMPLES) {
      // On stderr too, so that --json and scripts see it.
      spec.commandLine().getErr().println("sp800-90b: warning: " + samples.length() + " samples, fewer than the "
          + Samples.RECOMMENDED_SAMPLES + " SP 800-90B requires; the estimate is not an assessment"
          + (strict ? " (exit code 1 under --strict)" : ""));
      if (strict) {
        code = ExitCode.CRITERION_FAILED;
      }
    }
    return code;
  }

  /** One bar chart of estimator min-entropies per domain (literal samples, and their bitstring when k > 1). */
  static List<org.knowm.xchart.CategoryChart> estimatorCharts(String name, NonIidAssessment.Result r) {
    List<org.knowm.xchart.CategoryChart> charts = new ArrayList<>();
    for (var domain : r.estimators().stream().map(EstimatorResult::domain).distinct().toList()) {
      List<EstimatorResult> es = r.estimators().stream().filter(e -> e.domain() == domain).toList();
      var c = org.ferrogen.cli.Plots.bars("SP 800-90B estimators, " + name + " (" + domain.label().toLowerCase(java.util.Locale.ROOT) + ")",
          "estimator", "min-entropy (bits per " + (domain.label().equalsIgnoreCase("bitstring") ? "bit)" : "sample)"));
      c.addSeries(r.samples() + " samples", es.stream().map(e -> e.name()).toList(),
          es.stream().map(EstimatorResult::minEntropy).toList());
      c.getStyler().setXAxisLabelRotation(35).setYAxisMin(0.0);
      charts.add(c);
    }
    return charts;
  }

  /**
   * The samples of {@code data} in {@code format}. Byte-per-symbol data whose values do not fit in
   * k bits get a hint when they look packed.
   */
  static Samples samples(String name, byte[] data, Format format, int k) {
    if (format == Format.BYTES) {
      try {
        return Samples.of(name, data, k);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().contains("does not fit")) {
          throw new IllegalArgumentException(e.getMessage() + ". If the file holds packed samples (as"
              + " `ferrogen trng --raw` writes them), give --format packed-msb");
        }
        throw e;
      }
    }
    if (8 % k != 0) {
      throw new IllegalArgumentException("--format " + format + " needs --bits-per-symbol 1, 2, 4 or 8, got " + k);
    }
    int perByte = 8 / k;
    long n = (long) data.length * perByte;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(name + ": " + n + " samples, more than this command reads");
    }
    byte[] unpacked = new byte[(int) n];
    int mask = (1 << k) - 1;
    for (int i = 0, o = 0; i < data.length; i++) {
      int b = data[i] & 0xFF;
      for (int j = 0; j < perByte; j++) {
        int shift = format == Format.PACKED_MSB ? 8 - k * (j + 1) : k * j;
        unpacked[o++] = (byte) ((b >>> shift) & mask);
      }
    }
    return Samples.of(name, unpacked, k);
  }

  private void header(PrintWriter out, Samples s, boolean bitstring) {
    out.println("Opening file: '" + InputFiles.name(file) + "'");
    out.printf(
        "Loaded %d samples of %d distinct %d-bit-wide symbols%n",
        s.length(), s.alphabetSize(), s.bitsPerSymbol());
    if (bitstring) {
      out.println("Number of Binary Symbols: " + s.bitLength());
    }
    for (String w : s.warnings()) {
      out.println();
      out.println("*** Warning: " + w + " ***");
    }
    if (s.translated()) {
      out.println();
      out.println("Symbols have been translated.");
    }
    out.println();
  }

  private void printEstimate(PrintWriter out, EstimatorResult e) {
    String prefix = e.domain().label() + " " + e.name() + " Estimate: ";
    for (Map.Entry<String, Number> d : e.details().entrySet()) {
      if (!e.note().isEmpty() && isAfterNote(e, d.getKey())) {
        continue;
      }
      out.println(prefix + d.getKey() + " = " + number(d.getValue()));
    }
    if (!e.note().isEmpty()) {
      out.println(prefix + e.note());
      for (Map.Entry<String, Number> d : e.details().entrySet()) {
        if (isAfterNote(e, d.getKey())) {
          out.println(prefix + d.getKey() + " = " + number(d.getValue()));
        }
      }
    }
    out.println(prefix + "min entropy = " + number(e.minEntropy()));
  }

  /** The collision and compression estimates print p after their "Found p." remark. */
  private static boolean isAfterNote(EstimatorResult e, String key) {
    return key.equals("p") && (e.name().equals("Collision") || e.name().equals("Compression"));
  }

  private void printNonIid(PrintWriter out, Samples s, NonIidAssessment.Result r) {
    header(out, s, r.hasBitstring());
    for (EstimatorResult e : r.estimators()) {
      printEstimate(out, e);
    }
    out.println();
    if (r.hasBitstring()) {
      out.println("H_bitstring = " + number(r.hBitstring()));
    }
    out.println("H_original: " + number(r.hOriginal()));
    out.println("Assessed min entropy: " + number(r.hAssessed()));
  }

  private void printIid(PrintWriter out, Samples s, IidAssessment.Result r) {
    header(out, s, r.bitstringMcv() != null);
    printEstimate(out, r.literalMcv());
    if (r.bitstringMcv() != null) {
      printEstimate(out, r.bitstringMcv());
    }
    for (ChiSquareTests.Outcome c : r.chiSquare()) {
      out.println(c.name() + ": T = " + number(c.statistic()));
      out.println(c.name() + ": df = " + c.degreesOfFreedom());
      out.println(c.name() + ": P-value = " + number(c.pValue()));
    }
    out.println("Chi square tests: " + verdict(r.chiSquarePassed()));
    for (String w : r.warnings()) {
      if (!s.warnings().contains(w)) {
        out.println("*** Warning: " + w + " ***");
      }
    }
    out.println("Longest repeated substring: P_col = " + number(r.lrs().collisionProbability()));
    out.println("Longest repeated substring: length of LRS = " + r.lrs().lrsLength());
    out.println("Longest repeated substring: Pr(X >= 1) = " + number(r.lrs().probabilityAtLeastOne()));
    out.println("Length of longest repeated substring test: " + verdict(r.lrs().passed()));
    out.printf("%25s  %8s %8s %8s  %s%n", "statistic", "C[i][0]", "C[i][1]", "C[i][2]", "value");
    for (PermutationTests.Ranking k : r.permutation().rankings()) {
      out.printf(
          "%25s%s %8d %8d %8d  %s%n",
          k.name(), k.passed() ? " " : "*", k.greater(), k.equal(), k.less(), number(k.value()));
    }
    out.println("(* denotes failed test; " + r.permutation().permutationsRun()
        + " permutations; compression by " + Bzip2Length.implementation() + ")");
    out.println("IID permutation tests: " + verdict(r.permutation().passed()));
    out.println();
    if (r.bitstringMcv() != null) {
      out.println("H_bitstring = " + number(r.hBitstring()));
      out.println("H_bitstring Per Symbol = " + number(r.hBitstring() * r.bitsPerSymbol()));
    }
    out.println("H_original = " + number(r.hOriginal()));
    out.println("Assessed min entropy: " + number(r.hAssessed()));
    if (!r.passed()) {
      out.println("The IID assumption is rejected: use the non-IID track (--track non-iid).");
    }
  }

  private static String verdict(boolean passed) {
    return passed ? "Passed" : "Failed";
  }

  /** Shortest round-trip decimal, in plain notation unless very large or small. */
  static String number(Number n) {
    if (n instanceof Long || n instanceof Integer) {
      return n.toString();
    }
    double x = n.doubleValue();
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) {
      return Double.toString(x + 0.0); // + 0.0 turns -0.0 into 0.0
    }
    double a = Math.abs(x);
    if (a >= 1e-5 && a < 1e16) {
      return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
    return Double.toString(x).replace('E', 'e');
  }

  private Map<String, Object> base(String trackName, int samples, int k, int alphabet) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", InputFiles.name(file));
    m.put("format", format.label);
    m.put("track", trackName);
    m.put("samples", samples);
    m.put("bitsPerSymbol", k);
    m.put("alphabetSize", alphabet);
    return m;
  }

  private static Map<String, Object> estimatorJson(EstimatorResult e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name());
    m.put("domain", e.domain().jsonName());
    m.put("min_entropy_bits", e.minEntropy());
    m.put("details", e.details());
    if (!e.note().isEmpty()) {
      m.put("note", e.note());
    }
    return m;
  }

  private Map<String, Object> nonIidJson(NonIidAssessment.Result r) {
    Map<String, Object> m = base("non-iid", r.samples(), r.bitsPerSymbol(), r.alphabetSize());
    m.put("translated", r.translated());
    m.put("hOriginal", r.hOriginal());
    m.put("hBitstring", r.hasBitstring() ? r.hBitstring() : null);
    m.put("hAssessed", r.hAssessed());
    List<Object> es = new ArrayList<>();
    for (EstimatorResult e : r.estimators()) {
      es.add(estimatorJson(e));
    }
    m.put("estimators", es);
    m.put("warnings", r.warnings());
    return m;
  }

  private Map<String, Object> iidJson(IidAssessment.Result r) {
    Map<String, Object> m = base("iid", r.samples(), r.bitsPerSymbol(), r.alphabetSize());
    m.put("hOriginal", r.hOriginal());
    m.put("hBitstring", r.bitstringMcv() != null ? r.hBitstring() : null);
    m.put("hAssessed", r.hAssessed());
    m.put("iid", r.passed());
    List<Object> es = new ArrayList<>();
    es.add(estimatorJson(r.literalMcv()));
    if (r.bitstringMcv() != null) {
      es.add(estimatorJson(r.bitstringMcv()));
    }
    m.put("estimators", es);
    List<Object> chi = new ArrayList<>();
    for (ChiSquareTests.Outcome c : r.chiSquare()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", c.name());
      t.put("statistic", c.statistic());
      t.put("degreesOfFreedom", c.degreesOfFreedom());
      t.put("pValue", c.pValue());
      t.put("passed", c.passed());
      chi.add(t);
    }
    m.put("chiSquare", chi);
    Map<String, Object> lrs = new LinkedHashMap<>();
    lrs.put("collisionProbability", r.lrs().collisionProbability());
    lrs.put("lrsLength", r.lrs().lrsLength());
    lrs.put("probabilityAtLeastOne", r.lrs().probabilityAtLeastOne());
    lrs.put("passed", r.lrs().passed());
    m.put("lrsTest", lrs);
    Map<String, Object> perm = new LinkedHashMap<>();
    perm.put("permutationsRun", r.permutation().permutationsRun());
    perm.put("seed", seedOption.value());
    perm.put("compressor", Bzip2Length.implementation());
    List<Object> ranks = new ArrayList<>();
    for (PermutationTests.Ranking k : r.permutation().rankings()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", k.name());
      t.put("value", k.value());
      t.put("greater", k.greater());
      t.put("equal", k.equal());
      t.put("less", k.less());
      t.put("passed", k.passed());
      ranks.add(t);
    }
    perm.put("statistics", ranks);
    perm.put("passed", r.permutation().passed());
    m.put("permutationTests", perm);
    m.put("warnings", r.warnings());
    return m;
  }
}
