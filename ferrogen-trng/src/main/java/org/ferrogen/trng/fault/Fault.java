package org.ferrogen.trng.fault;

/**
 * A failure injected into an entropy source's raw output from sample {@link #onsetSample()} on.
 * These are the failure modes the SP 800-90B continuous health tests exist to catch.
 */
public sealed interface Fault {

  /** Index of the first raw sample the fault affects (0-based, counted from the source's start). */
  long onsetSample();

  /**
   * One of {@code lanes} parallel cells, read round-robin, is stuck at {@code value}: every sample
   * whose index is {@code lane} modulo {@code lanes} reads {@code value}. With one lane the whole
   * source is stuck.
   */
  record StuckCell(long onsetSample, int lane, int lanes, int value) implements Fault {
    public StuckCell {
      if (lanes < 1 || lane < 0 || lane >= lanes) {
        throw new IllegalArgumentException("lane must be in [0, lanes), got lane " + lane + " of " + lanes);
      }
      requireBit(value);
      requireOnset(onsetSample);
    }
  }

  /**
   * A readout bias that grows linearly: sample {@code onset + t} is forced to {@code value} with
   * probability {@code min(1, ratePerSample * t)}, so a fair source's probability of {@code value}
   * rises as {@code 1/2 + min(1, rate t)/2}.
   */
  record BiasDrift(long onsetSample, double ratePerSample, int value) implements Fault {
    public BiasDrift {
      if (!(ratePerSample > 0 && ratePerSample <= 1)) {
        throw new IllegalArgumentException("bias drift rate must be in (0, 1], got " + ratePerSample);
      }
      requireBit(value);
      requireOnset(onsetSample);
    }

    /** Probability that sample {@code t} samples after the onset is forced. */
    public double forcedProbability(long samplesSinceOnset) {
      return Math.min(1.0, ratePerSample * samplesSinceOnset);
    }
  }

  /**
   * A constant readout bias: from the onset each sample is forced to {@code value} with probability
   * {@code forcedProbability}, so a fair source's P({@code value}) becomes {@code (1 + forced) / 2}.
   */
  record Bias(long onsetSample, double forcedProbability, int value) implements Fault {
    public Bias {
      if (!(forcedProbability > 0 && forcedProbability <= 1)) {
        throw new IllegalArgumentException("forced probability must be in (0, 1], got " + forcedProbability);
      }
      requireBit(value);
      requireOnset(onsetSample);
    }
  }

  /**
   * Lag-1 correlation: each sample repeats the previous output with probability
   * {@code repeatProbability} and is otherwise the source's own sample, so for a fair source the
   * output repeats its predecessor with probability {@code (1 + r) / 2}.
   */
  record CorrelatedOutput(long onsetSample, double repeatProbability) implements Fault {
    public CorrelatedOutput {
      if (!(repeatProbability > 0 && repeatProbability < 1)) {
        throw new IllegalArgumentException("repeat probability must be in (0, 1), got " + repeatProbability);
      }
      requireOnset(onsetSample);
    }
  }

  /**
   * The die heats (or cools) by {@code deltaCelsius} at the onset; the device physics of the
   * simulated source responds. Needs a {@link org.ferrogen.trng.SimulatedSource}.
   */
  record TemperatureExcursion(long onsetSample, double deltaCelsius) implements Fault {
    public TemperatureExcursion {
      if (!Double.isFinite(deltaCelsius) || deltaCelsius == 0) {
        throw new IllegalArgumentException("temperature excursion must be a finite non-zero step, got " + deltaCelsius);
      }
      requireOnset(onsetSample);
    }
  }

  /** The source dies: every sample from the onset on reads {@code value} (a dead sense amplifier). */
  record TotalFailure(long onsetSample, int value) implements Fault {
    public TotalFailure {
      requireBit(value);
      requireOnset(onsetSample);
    }
  }

  private static void requireBit(int value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("a stuck value must be 0 or 1, got " + value);
    }
  }

  private static void requireOnset(long onset) {
    if (onset < 0) {
      throw new IllegalArgumentException("fault onset must be >= 0, got " + onset);
    }
  }
}
