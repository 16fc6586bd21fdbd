package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.randomness.Sp80022Report;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.trng.assess.TrngAssessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen trng assess}: entropy, rate, latency, energy, health alarms, SP 800-22, brief claims. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Assess a simulated TRNG design: SP 800-90B non-IID min-entropy of the raw source, bias,"
          + " health-test alarms, modelled rate, latency, energy and endurance, an SP 800-22 run on the"
          + " conditioned output, and the product brief's claims next to the model's numbers.",
      "Exit code 1 when an SP 800-22 line fails its proportion or uniformity criterion."
    },
    footer = {"%nExample:%n  ferrogen trng assess --trng-design ring --die-temperature 85 --samples 200000 --streams 20"})
public final class TrngAssessCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin HealthPolicyOptions health;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "1000000",
      description = "Raw samples for the SP 800-90B assessment (default ${DEFAULT-VALUE}, as SP 800-90B asks).")
  int samples;

  @Option(names = "--streams", paramLabel = "M", defaultValue = "100",
      description = "SP 800-22 streams of conditioned output (default ${DEFAULT-VALUE}; 0 skips).")
  int streams;

  @Option(names = "--stream-length", paramLabel = "BITS", defaultValue = "1000000",
      description = "Bits per SP 800-22 stream (default ${DEFAULT-VALUE}).")
  int streamLength;

  @Option(names = "--reference", description = "Also run the SP 800-22 battery on the JDK's own DRBG, to show how many test lines a good generator fails by chance.")
  boolean reference;

  @Mixin CommonOptions common;

  @Mixin org.ferrogen.cli.options.ChipOption chip = new org.ferrogen.cli.options.ChipOption();

  @Override
  public Integer call() throws Exception {
    if (samples < 1) {
      throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
    }
    if (streams < 0) {
      throw new IllegalArgumentException("--streams must be >= 0, got " + streams);
    }
    TrngAssessment.Report r;
    try (ProgressBars.Progress p = common.progress("trng assess", TrngAssessment.progressUnits(streams, reference), "step")) {
      r = TrngAssessment.run(source.design(), source.conditions(), source.noise(),
          source.seedDescription(), samples, streams, streamLength, reference, p, chip.spec().technologyNode());
    }
    PrintWriter out = spec.commandLine().getOut();
    double alpha = health.alpha();
    boolean laneTests = !health.noCellTests && r.details().containsKey("cells");
    double[] rates = HealthPolicyOptions.predictedRates(r.claimedEntropy(), alpha, laneTests);
    if (common.json()) {
      com.fasterxml.jackson.databind.node.ObjectNode node = TrngJson.assessment(r, source.seed.value());
      node.put("alpha", alpha);
      node.put("cell_health_tests", laneTests);
      node.put("false_alarms_per_sample_at_claim", rates[0]);
      node.put("false_alarm_interval_at_claim_s", 1 / (rates[0] * r.rawBitRate()));
      node.put("false_alarms_per_sample_fair_source", rates[1]);
      node.put("false_alarm_interval_fair_source_s", 1 / (rates[1] * r.rawBitRate()));
      common.printJson(node);
    } else {
      print(r, out);
      out.printf("Health-test policy at alpha = 2^%.1f (%s), %.1f Mb/s modelled raw rate%n",
          Math.log(alpha) / Math.log(2), laneTests ? "stream and per-cell tests" : "stream tests", r.rawBitRate() / 1e6);
      out.printf("  %-36s %.3g per sample -> one every %s%n", "expected false alarms, source at claim",
          rates[0], HealthPolicyOptions.duration(1 / (rates[0] * r.rawBitRate())));
      out.printf("  %-36s %.3g per sample -> one every %s%n", "expected false alarms, fair source",
          rates[1], HealthPolicyOptions.duration(1 / (rates[1] * r.rawBitRate())));
      out.println("  each false alarm is intermittent: the affected samples are discarded and the start-up test reruns");
    }
    out.flush();
    return ExitCode.of(r.sp80022Chance() == null || Sp80022Report.batteryPasses(r.sp80022Chance()));
  }

  static void print(TrngAssessment.Report r, PrintWriter out) {
    out.printf("FerroGen TRNG assessment: design %s (%s), seed %s%n", r.design(), r.algorithm(), r.seed());
    out.println("SIMULATION: the physics is driven by a pseudo-random generator; not certified entropy.");
    out.printf("Conditions: %.1f °C, supply noise %.2f %%, device %.0f nm, age %.3g cycles%n",
        r.conditions().temperatureCelsius(), 100 * r.conditions().supplyNoiseRelative(),
        r.conditions().deviceSizeNm(), r.conditions().ageCycles());
    for (Map.Entry<String, String> e : r.details().entrySet()) {
      out.printf("  %-36s %s%n", e.getKey(), e.getValue());
    }
    out.println();
    out.printf("Raw source (%d samples)%n", r.rawSamples());
    out.printf("  %-36s %.5f%n", "fraction of ones", r.onesFraction());
    out.printf("  %-36s %+.5f%n", "lag-1 autocorrelation", r.lag1Autocorrelation());
    out.println("  SP 800-90B non-IID estimators (bits per raw bit):");
    for (TrngAssessment.Estimate e : r.estimators()) {
      out.printf("    %-34s %.6f%n", e.name(), e.minEntropy());
    }
    out.printf("  %-36s %.6f%n", "H_original", r.hOriginal());
    out.printf("  %-36s %.6f%n", "assessed min-entropy", r.hAssessed());
    out.printf("  %-36s %.6f%n", "ideal fair coin, same test", r.idealReferenceH());
    for (String w : r.warnings()) {
      out.println("  warning: " + w);
    }
    out.printf("  %-36s %.2f bits/sample -> RCT cutoff %d, APT cutoff %d of %d (alpha 2^-20)%n",
        "claimed entropy", r.claimedEntropy(), r.rctCutoff(), r.aptCutoff(), r.aptWindow());
    out.printf("  %-36s RCT %d, APT %d%n", "health-test alarms", r.rctAlarms(), r.aptAlarms());
    if (r.hAssessed() < r.claimedEntropy()) {
      out.println("  warning: the assessed entropy is below the design's claim; the health-test cutoffs are too lax");
    }
    out.println();
    out.println("Modelled circuit");
    out.printf("  %-36s %.1f Mb/s%n", "raw rate", r.rawBitRate() / 1e6);
    out.printf("  %-36s %.1f ns%n", "latency per bit", r.latencySeconds() * 1e9);
    out.printf("  %-36s %.2f fJ%n", "energy per raw bit", r.energyPerRawBit() * 1e15);
    for (CostItem e : r.energy()) {
      out.printf("    %-44s %8.2f fJ  [%s]%n", e.component(), e.joules() * 1e15, e.basis());
    }
    out.printf("  %-36s %.2f fJ (%.2f raw bits, SHA-256 share and one DRBG bit on %s)%n", "energy per full-entropy bit",
        r.energyPerFullEntropyBit() * 1e15, r.rawBitsPerFullEntropyBit(), r.technology());
    for (CostItem e : r.fullEntropyBitEnergy()) {
      out.printf("    %-44s %8.2f fJ  [%s]%n", e.component(), e.joules() * 1e15, e.basis());
    }
    out.printf("  %-36s %.2f fJ (DRBG stretching its seed, reseeded every MiB)%n", "energy per DRBG output bit",
        r.energyPerDrbgOutputBit() * 1e15);
    out.printf("  %-36s %.3g s (%.3g days)%n", "endurance-limited lifetime", r.enduranceLifetimeSeconds(),
        r.enduranceLifetimeSeconds() / 86400);
    out.println();
    if (r.sp80022Streams() > 0) {
      out.printf("SP 800-22 on conditioned output (%d streams x %d bits, SHA-256 -> CTR_DRBG/AES-256)%n",
          r.sp80022Streams(), r.sp80022StreamLength());
      int failed = 0;
      int applicable = 0;
      for (TrngAssessment.Sp80022Line l : r.sp80022()) {
        if (l.sampleSize() == 0) {
          out.printf("  n/a  %-26s %-10s (the streams are too short for this test)%n", l.test(), l.variant());
          continue;
        }
        applicable++;
        if (!l.pass()) {
          failed++;
          out.printf("  FAIL %-26s %-10s proportion %d/%d (min %.4f) uniformity %s%s%n", l.test(), l.variant(),
              l.passed(), l.sampleSize(), l.proportionLow(), l.uniformity() == null ? "-" : String.format("%.6f", l.uniformity()),
              l.stsToolPass() ? "  (passes with the STS program's integer bounds)" : "");
        }
      }
      out.printf("  %d of %d test lines pass the proportion and uniformity criteria%n",
          applicable - failed, applicable);
      if (r.referencePassingLines() != null) {
        out.printf("  reference, JDK SecureRandom DRBG on as many streams: %d of %d pass%n",
            r.referencePassingLines(), applicable);
      }
      out.println("  " + Sp80022Report.chanceSentence(r.sp80022Chance()));
      long stsToolFailed = r.sp80022().stream().filter(l -> l.sampleSize() > 0 && !l.stsToolPass()).count();
      out.println("  " + Sp80022Report.stsToolSentence(stsToolFailed, applicable));
      out.println();
    }
    out.println("Product brief claims vs this model");
    out.printf("  %-30s %-12s %-34s %s%n", "claim", "brief", "model", "met");
    for (TrngAssessment.Claim c : r.claims()) {
      out.printf("  %-30s %-12s %-34s %s%n", c.claim(), c.brief(), c.model(), c.met() ? "yes" : "no");
    }
  }
}
