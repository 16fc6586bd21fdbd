package org.ferrogen.learn.onchip;

/**
 * Settings of one on-chip training run.
 *
 * @param scheme storage and update scheme
 * @param learningRate SGD learning rate (online, batch of one)
 * @param updateProbability Bernoulli mask probability p of the hidden-weight updates (hybrid,
 *     quantized); 10 % for Fashion-MNIST in Martemucci 2025
 * @param transferEvery samples between transfers k (hybrid, quantized); 100 in Martemucci 2025
 * @param conductanceSigmaS memristor programming spread σ_G; NaN = the device set's own (8.7 µS, CEA)
 * @param transferVariability whether the charge-shared transfer voltage varies from device to device
 * @param readout DAC, ADC and read noise of the analog reads
 * @param weightRange largest hidden weight, in units of the He standard deviation √(2/in) of the layer
 *     (ASSUMPTION: 4, so that the initial weights spread over the 15 analog levels)
 * @param seed root seed of every random stream of the run
 * @param finalLearningRate learning rate reached at the last sample of the run, decaying linearly from
 *     {@code learningRate} (equal to it for a constant rate, the paper's protocol); the same schedule
 *     drives every scheme, float included, so comparisons stay like for like
 */
public record OnChipConfig(
    Scheme scheme,
    float learningRate,
    double updateProbability,
    int transferEvery,
    double conductanceSigmaS,
    boolean transferVariability,
    Readout readout,
    double weightRange,
    long seed,
    float finalLearningRate) {

  public OnChipConfig {
    if (scheme == null) {
      throw new IllegalArgumentException("scheme must be given");
    }
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (!(updateProbability > 0 && updateProbability <= 1)) {
      throw new IllegalArgumentException("update probability must be in (0, 1], got " + updateProbability);
    }
    if (transferEvery < 1) {
      throw new IllegalArgumentException("transfer interval k must be >= 1, got " + transferEvery);
    }
    if (!(conductanceSigmaS >= 0) && !Double.isNaN(conductanceSigmaS)) {
      throw new IllegalArgumentException("σ_G must be >= 0, got " + conductanceSigmaS);
    }
    if (!(finalLearningRate > 0 && finalLearningRate <= learningRate)) {
      throw new IllegalArgumentException(
          "final learning rate must be in (0, " + learningRate + "], got " + finalLearningRate);
    }
    if (!(weightRange > 0)) {
      throw new IllegalArgumentException("weight range must be > 0, got " + weightRange);
    }
  }

  /** A run at a constant learning rate (the paper's protocol). */
  public OnChipConfig(Scheme scheme, float learningRate, double updateProbability, int transferEvery,
      double conductanceSigmaS, boolean transferVariability, Readout readout, double weightRange, long seed) {
    this(scheme, learningRate, updateProbability, transferEvery, conductanceSigmaS, transferVariability, readout,
        weightRange, seed, learningRate);
  }

  /** The learning rate after {@code done} of {@code total} samples: linear from the initial to the final rate. */
  public float learningRateAt(long done, long total) {
    if (finalLearningRate == learningRate || total <= 1) {
      return learningRate;
    }
    double f = done / (double) (total - 1);
    return (float) (learningRate + (finalLearningRate - learningRate) * Math.min(1, f));
  }

  /** The same run with the learning rate decaying linearly to {@code finalRate} at its last sample. */
  public OnChipConfig withFinalLearningRate(float finalRate) {
    return new OnChipConfig(scheme, learningRate, updateProbability, transferEvery, conductanceSigmaS,
        transferVariability, readout, weightRange, seed, finalRate);
  }

  /** The paper's Fashion-MNIST settings (Martemucci 2025): lr 0.1, p = 10 %, k = 100, σ_G from the device. */
  public static OnChipConfig paper(Scheme scheme, long seed) {
    return new OnChipConfig(scheme, 0.1f, 0.1, 100, Double.NaN, true, Readout.aihwkitDefaults(), 4, seed);
  }

  public OnChipConfig withScheme(Scheme s) {
    return new OnChipConfig(s, learningRate, updateProbability, transferEvery, conductanceSigmaS,
        transferVariability, readout, weightRange, seed, finalLearningRate);
  }

  public OnChipConfig withTransferEvery(int k) {
    return new OnChipConfig(scheme, learningRate, updateProbability, k, conductanceSigmaS, transferVariability,
        readout, weightRange, seed, finalLearningRate);
  }

  public OnChipConfig withSeed(long s) {
    return new OnChipConfig(scheme, learningRate, updateProbability, transferEvery, conductanceSigmaS,
        transferVariability, readout, weightRange, s, finalLearningRate);
  }
}
