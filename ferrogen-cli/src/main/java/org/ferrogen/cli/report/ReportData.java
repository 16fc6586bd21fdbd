package org.ferrogen.cli.report;

import java.util.List;
import java.util.Optional;

/**
 * Everything one chip report shows, as plain records: the report renders these and nothing else,
 * so each section's data can come from any source (this run, the chip module, a training run).
 */
public record ReportData(
    String title,
    String createdUtc,
    String command,
    long seed,
    Spec spec,
    DeviceCurves device,
    Trng trng,
    Compute compute,
    Energy energy,
    Text text,
    Optional<Training> training) {

  /** A named x–y series. */
  public record Curve(String label, double[] x, double[] y) {}

  /** One row of a key–value table. */
  public record Row(String key, String value) {}

  /** The chip's specification: summary rows and its full YAML. */
  public record Spec(List<Row> rows, String yaml) {}

  /**
   * Device curves: switching probability against pulse amplitude (one curve per domain count),
   * programmed FeFET levels, and retention (retained polarization against time per temperature).
   */
  public record DeviceCurves(String parameterSet, double pulseWidthS, List<Curve> switching,
      Curve levels, List<Curve> retention) {}

  /** An SP 800-90B estimator's result. */
  public record Estimate(String name, String domain, double minEntropyBits) {}

  /** The P-value histogram (ten bins) of one SP 800-22 test, its variants pooled. */
  public record PValueHistogram(String test, int[] counts) {}

  /** The TRNG section. */
  public record Trng(String design, long rawSamples, List<Estimate> estimators, double hAssessed,
      double claimedEntropyBits, int rctCutoff, int aptCutoff, long rctAlarms, long aptAlarms,
      double rawBitRateBitsPerS, double latencyS, double energyPerRawBitJ, int streams, int streamLengthBits,
      List<PValueHistogram> pValues, int sp80022Lines, int sp80022Failed, double sp80022ChanceProbability,
      boolean sp80022Pass) {}

  /** Compute accuracy: chip against exact outputs of one matrix. */
  public record Compute(String matrix, double[] exact, double[] chip, double relativeL2Error, double meanSnrDb,
      double energyPerMvmJ, double topsPerWatt) {}

  /** Energy of one layer per token. */
  public record LayerEnergy(String layer, double energyPerTokenJ) {}

  /** A cited GPU figure to stand beside the chip's. */
  public record GpuFigure(String system, String model, double joulesPerToken, String source) {}

  /** Energy per token on the chip, by category and per layer, beside cited GPU figures. */
  public record Energy(long tokens, long parameters, List<Row> byCategory, double[] byCategoryJ,
      double totalPerTokenJ, List<LayerEnergy> perLayer, List<GpuFigure> gpu) {}

  /** The text the chip generated. */
  public record Text(String model, String prompt, String generated, int tokens, double tokensPerS,
      String backend, String entropy) {}

  /** On-chip training curves (loss against step), when a training run is part of the report. */
  public record Training(String what, List<Curve> curves) {}
}
