package org.ferrogen.cli.randomness;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ferrogen.cli.Json;
import org.ferrogen.randomness.sp80022.FinalAnalysis;
import org.ferrogen.randomness.sp80022.Sp80022Battery;

/** Renders an SP 800-22 battery report as an STS-style table or as JSON. */
public final class Sp80022Report {

  private static final String RULE =
      "------------------------------------------------------------------------------";

  private Sp80022Report() {}

  /** The human-readable table, modelled on the STS finalAnalysisReport.txt. */
  public static void printTable(PrintWriter out, String source, Sp80022Battery.BatteryReport report,
      double alpha, double wallSeconds) {
    boolean single = report.streams() == 1;
    out.println(RULE);
    out.println("RESULTS FOR THE UNIFORMITY OF P-VALUES AND THE PROPORTION OF PASSING SEQUENCES");
    out.println(RULE);
    out.printf(Locale.ROOT, "   %s: %d stream%s of %d bits%n", source, report.streams(),
        single ? "" : "s", report.streamLength());
    out.println(RULE);
    if (single) {
      out.println("  P-VALUE  PROPORTION  RESULT  STATISTICAL TEST");
    } else {
      out.println(" C1  C2  C3  C4  C5  C6  C7  C8  C9 C10  P-VALUE  PROPORTION  RESULT  STATISTICAL TEST");
    }
    out.println(RULE);
    int failures = 0;
    int tests = 0;
    for (int i = 0; i < report.summary().size(); i++) {
      FinalAnalysis.Summary s = report.summary().get(i);
      StringBuilder line = new StringBuilder();
      String name = s.test().stsName() + (s.variant().isEmpty() ? "" : " " + s.variant());
      if (single) {
        var p = report.rows().stream()
            .filter(r -> r.test() == s.test() && r.variant().equals(s.variant()))
            .findFirst().orElseThrow().pValue();
        line.append(p.isPresent() ? String.format(Locale.ROOT, " %8.6f ", p.getAsDouble()) : "     ----  ");
      } else {
        for (int count : s.histogram()) {
          line.append(String.format(Locale.ROOT, "%3d ", count));
        }
        line.append(s.uniformity().isPresent()
            ? String.format(Locale.ROOT, " %8.6f%s", s.uniformity().getAsDouble(),
                s.uniformity().getAsDouble() < FinalAnalysis.UNIFORMITY_THRESHOLD ? " *" : "  ")
            : "    ----   ");
      }
      String result;
      if (s.sampleSize() == 0) {
        line.append("    ------ ");
        result = "  n/a ";
      } else {
        line.append(String.format(Locale.ROOT, "  %4d/%-4d%s", s.passed(), s.sampleSize(),
            s.proportionOk() ? "  " : " *"));
        result = s.pass() ? " pass " : " FAIL ";
        tests++;
        if (!s.pass()) {
          failures++;
        }
      }
      line.append(" ").append(result).append("  ").append(name);
      out.println(line);
    }
    out.println();
    out.println("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -");
    int general = report.streams();
    out.printf(Locale.ROOT, "Proportion interval at alpha = %s: %s for a sample size of %d stream%s%n",
        alpha, interval(alpha, general), general, general == 1 ? "" : "s");
    report.summary().stream()
        .filter(s -> s.test().stsName().startsWith("RandomExcursions"))
        .mapToInt(FinalAnalysis.Summary::sampleSize).max()
        .ifPresent(re -> out.printf(Locale.ROOT,
            "The random excursion (variant) tests applied to %d of %d streams (they need >= 500 cycles).%n",
            re, general));
    if (general < 10) {
      out.println("Uniformity of P-values needs at least 10 streams (SP 800-22 recommends 55).");
    }
    out.printf(Locale.ROOT, "%d of %d (test, variant) lines failed. Wall time %.3f s.%n", failures, tests,
        wallSeconds);
    if (!single && tests > 0) {
      out.println(chanceSentence(FinalAnalysis.chanceLevel(report.summary(), alpha)));
      out.println(stsToolSentence(report.summary()));
    }
    out.flush();
  }

  /**
   * One sentence comparing the failing lines with what an ideal generator would show, for every
   * report that runs a multi-stream battery.
   */
  public static String chanceSentence(FinalAnalysis.ChanceLevel c) {
    return String.format(Locale.ROOT,
        "An ideal generator fails %.1f of these %d lines on average; it fails %d or more with probability %.2f"
            + " (%s).", c.expectedFailures(), c.lines(), c.failed(), c.atLeastAsMany(),
        batteryPasses(c) ? "consistent with chance" : "more failures than chance explains");
  }

  /**
   * How many lines fail with the STS 2.1.2 program's whole-stream bounds (see
   * {@link FinalAnalysis.Summary#stsToolPass()}), which some readers take as "the STS criterion".
   */
  public static String stsToolSentence(List<FinalAnalysis.Summary> summaries) {
    long lines = summaries.stream().filter(s -> s.sampleSize() > 0).count();
    long failed = summaries.stream().filter(s -> s.sampleSize() > 0 && !s.stsToolPass()).count();
    return stsToolSentence(failed, lines);
  }

  /** The sentence of {@link #stsToolSentence(List)} from the counts. */
  public static String stsToolSentence(long failed, long lines) {
    return String.format(Locale.ROOT,
        "With the STS 2.1.2 program's whole-stream bounds (truncated to integers) %d of %d lines fail.",
        failed, lines);
  }

  private static String interval(double alpha, int size) {
    double pHat = 1 - alpha;
    double half = 3 * Math.sqrt(pHat * alpha / size);
    return String.format(Locale.ROOT, "[%.4f, %.4f]", pHat - half, pHat + half);
  }

  /**
   * The JSON document: {@code results} (flat), {@code summary}, for several streams the
   * {@code chanceLevel} of the failing lines, parameters and wall time.
   */
  public static String json(Map<String, Object> header, Sp80022Battery.BatteryReport report,
      double alpha, double wallSeconds) {
    Map<String, Object> root = new LinkedHashMap<>(header);
    root.put("streamLength", report.streamLength());
    root.put("streams", report.streams());
    List<Map<String, Object>> results = new ArrayList<>();
    for (Sp80022Battery.Row r : report.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test", r.test().stsName());
      m.put("variant", r.variant());
      m.put("stream", r.stream());
      m.put("pValue", r.pValue().isPresent() ? r.pValue().getAsDouble() : null);
      results.add(m);
    }
    root.put("results", results);
    List<Map<String, Object>> summary = new ArrayList<>();
    for (FinalAnalysis.Summary s : report.summary()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test", s.test().stsName());
      m.put("variant", s.variant());
      m.put("sampleSize", s.sampleSize());
      m.put("passed", s.passed());
      m.put("proportion", s.sampleSize() == 0 ? null : s.proportion());
      m.put("proportionLow", s.sampleSize() == 0 ? null : s.proportionLow());
      m.put("proportionHigh", s.sampleSize() == 0 ? null : s.proportionHigh());
      m.put("histogram", s.histogram());
      m.put("uniformityPValue", s.uniformity().isPresent() ? s.uniformity().getAsDouble() : null);
      m.put("pass", s.sampleSize() == 0 ? null : s.pass());
      m.put("stsToolPass", s.sampleSize() == 0 ? null : s.stsToolPass());
      summary.add(m);
    }
    root.put("summary", summary);
    if (report.streams() > 1) {
      root.put("chanceLevel", FinalAnalysis.chanceLevel(report.summary(), alpha));
    }
    root.put("notApplicable", report.tooShort());
    root.put("wallTimeSeconds", wallSeconds);
    FinalAnalysis.ChanceLevel chance = FinalAnalysis.chanceLevel(report.summary(), alpha);
    root.put("battery_pass", batteryPasses(chance));
    return Json.write(root);
  }

  /**
   * The battery's statistical criterion, which sets the exit code: the number of failing (test,
   * variant) lines is one an ideal generator reaches with probability at least {@link
   * #BATTERY_ALPHA}. "Every line passes" is not the criterion: an ideal generator fails about 3.5
   * of the 188 lines of a 100-stream run and passes all of them only about 3 % of the time
   * ({@link FinalAnalysis#chanceLevel}). False-failure rate: about 1 % for an ideal generator (a
   * little more, since lines of one test are positively correlated).
   */
  public static boolean batteryPasses(FinalAnalysis.ChanceLevel chance) {
    return chance.atLeastAsMany() >= BATTERY_ALPHA;
  }

  /** Significance level of the battery-level criterion. */
  public static final double BATTERY_ALPHA = 0.01;
}
