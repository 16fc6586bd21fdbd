package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.randomness.Sp80022Report;
import org.ferrogen.trng.EnergyItem;
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
          source.seedDescription(), samples, streams, streamLength, reference, p);
    }
    PrintWriter out = spec.commandLine().getOut();
    org.ferrogen.chip.spec.ChipSpec.Trng hardware = chip.spec().trng();
    if (common.json()) {
      com.fasterxml.jackson.databind.node.ObjectNode node = TrngJson.assessment(r, source.seed.value());
      node.put("energy_per_conditioned_bit_j", conditionedBitJoules(r, hardware));
      node.put("energy_per_drbg_output_bit_j", drbgBitJoules(r, hardware));
      common.printJson(node);
    } else {
      print(r, out);
      out.printf("  with the %s chip's conditioner and DRBG hardware (SHA-256 %.3g pJ/compression, AES %.3g pJ/block;"
          + " assumptions, see docs/chip.md):%n", chip.spec().name(), hardware.conditionerJoulesPerBlock() * 1e12,
          hardware.drbgJoulesPerBlock() * 1e12);
      out.printf("  %-36s %.2f fJ%n", "per full-entropy bit incl. SHA-256", conditionedBitJoules(r, hardware) * 1e15);
      out.printf("  %-36s %.2f fJ%n", "per DRBG output bit incl. AES", drbgBitJoules(r, hardware) * 1e15);
    }
    out.flush();
    return ExitCode.of(r.sp80022Chance() == null || Sp80022Report.batteryPasses(r.sp80022Chance()));
  }

  /**
   * Energy of one conditioned, full-entropy bit: its raw bits plus its share of the SHA-256
   * compressions of a 256-bit block (raw bits packed, plus 65 bits of padding and length).
   */
  static double conditionedBitJoules(TrngAssessment.Report r, org.ferrogen.chip.spec.ChipSpec.Trng hardware) {
    double rawBitsPerBlock = r.rawBitsPerFullEntropyBit() * 256;
    double compressions = Math.ceil((rawBitsPerBlock + 65) / 512);
    return r.rawBitsPerFullEntropyBit() * r.energyPerRawBit() + compressions * hardware.conditionerJoulesPerBlock() / 256;
  }

  /**
   * Energy of one CTR_DRBG output bit: one AES block per 128 output bits, plus the reseeds' share
   * (one conditioned 256-bit block and a 3-block update per MiB of output by default).
   */
  static double drbgBitJoules(TrngAssessment.Report r, org.ferrogen.chip.spec.ChipSpec.Trng hardware) {
    double reseedShare = (256 * conditionedBitJoules(r, hardware) + 3 * hardware.drbgJoulesPerBlock()) / (8.0 * (1 << 20));
    return hardware.drbgJoulesPerBlock() / 128 + reseedShare;
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
    for (EnergyItem e : r.energy()) {
      out.printf("    %-44s %8.2f fJ  [%s]%n", e.component(), e.joulesPerSample() * 1e15, e.basis());
    }
    out.printf("  %-36s %.2f raw bits -> %.2f fJ%n", "per full-entropy output bit",
        r.rawBitsPerFullEntropyBit(), r.rawBitsPerFullEntropyBit() * r.energyPerRawBit() * 1e15);
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
