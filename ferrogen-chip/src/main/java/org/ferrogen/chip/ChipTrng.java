package org.ferrogen.chip;

import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import org.ferrogen.trng.pipeline.PipelineEnergy;
import org.ferrogen.trng.random.BufferedRandomGenerator;

/**
 * One TRNG stream of the chip: the spec's design at the chip's temperature → health tests → SHA-256
 * conditioner → CTR_DRBG, as a {@link RandomGenerator}. Its {@link #cost()} is the energy of what it
 * produced so far: raw samples at the design's simulated energy per sample (cells, bit lines and
 * periphery on the chip's technology), the conditioner's SHA-256 compressions and the DRBG's blocks
 * at the technology's hardware energies ({@link PipelineEnergy}, the one count shared with {@code
 * trng assess}), for the bits the caller consumed (the generator fetches DRBG output in blocks; a
 * bit costs the stream's average so far). Not thread-safe (one per sampler), like the generator it wraps.
 */
public final class ChipTrng implements RandomGenerator {

  private final EntropyPipeline pipeline;
  private final SimulatedSource source;
  private final BufferedRandomGenerator generator;
  private final ChipSpec.Trng spec;
  private final TechnologyNode technology;
  private long consumedBits;

  ChipTrng(ChipSpec.Trng spec, TechnologyNode technology, double celsius, OptionalLong noiseSeed) {
    this.spec = spec;
    this.technology = technology;
    TrngDesign design = TrngDesign.byName(spec.design());
    OperatingConditions conditions = design.nominalConditions().withTemperatureCelsius(celsius);
    this.source = design.create(conditions, NoiseSeed.of(noiseSeed), technology);
    this.pipeline = new EntropyPipeline(source, PipelineConfig.defaults());
    this.generator = new BufferedRandomGenerator(pipeline);
  }

  /** Energy and latency of the random bits consumed so far, in {@link CostCategory#ENTROPY}. */
  public CostReport cost() {
    CostReport produced = producedCost();
    long produceBits = outputBits();
    double share = produceBits == 0 ? 0 : Math.min(1, consumedBits / (double) produceBits);
    return CostReport.of(
        CostCategory.ENTROPY, share * produced.totalEnergyJoules(), share * produced.latencySeconds());
  }

  /** Bits the caller consumed so far. */
  public long consumedBits() {
    return consumedBits;
  }

  /** Energy of everything the pipeline produced (start-up test and buffered output included). */
  public CostReport producedCost() {
    return CostItem.report(producedItems(), pipeline.status().rawSamples() / rawBitRate() * sourceInfo().bitsPerSample());
  }

  /** The same by item: raw cells and periphery, SHA-256 conditioner, DRBG. */
  public List<CostItem> producedItems() {
    return PipelineEnergy.produced(pipeline.status(), pipeline.sourceInfo(), pipeline.samplesPerConditionedBlock(),
        pipeline.config().drbg(), technology);
  }

  /** Raw samples drawn so far. */
  public long rawSamples() {
    return pipeline.status().rawSamples();
  }

  /** Output bits handed to the caller so far (DRBG output). */
  public long outputBits() {
    return pipeline.status().outputBytes() * 8;
  }

  /** Raw bits per second of all the spec's units together. */
  public double rawBitRate() {
    return pipeline.sourceInfo().rawBitRate() * spec.units();
  }

  /**
   * Seconds until the TRNG cells pass their endurance figure when drawing {@code rawBitsPerSecond}
   * (spread over all units), and at full rate when the argument is the full rate: lifetime scales with
   * the duty cycle.
   */
  public double enduranceLifetimeSeconds(double rawBitsPerSecond) {
    double fullRate = source.enduranceLifetimeSeconds();
    double perUnitRate = pipeline.sourceInfo().rawBitRate();
    if (!(rawBitsPerSecond > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return fullRate * perUnitRate * spec.units() / rawBitsPerSecond;
  }

  /** Endurance lifetime of one unit at its full rate (the design's own figure). */
  public double fullRateLifetimeSeconds() {
    return source.enduranceLifetimeSeconds();
  }

  public SourceInfo sourceInfo() {
    return pipeline.sourceInfo();
  }

  /** Raw samples per full-entropy conditioned 256-bit block. */
  public int samplesPerConditionedBlock() {
    return pipeline.samplesPerConditionedBlock();
  }

  /** SHA-256 compressions per conditioned block (bits packed). */
  public int compressionsPerConditionedBlock() {
    return PipelineEnergy.compressionsPerConditionedBlock(pipeline.samplesPerConditionedBlock(),
        pipeline.sourceInfo().bitsPerSample());
  }

  @Override
  public long nextLong() {
    consumedBits += 64;
    return generator.nextLong();
  }

  @Override
  public int nextInt() {
    consumedBits += 32;
    return generator.nextInt();
  }

  @Override
  public double nextDouble() {
    consumedBits += 64;
    return generator.nextDouble();
  }

  @Override
  public float nextFloat() {
    consumedBits += 32;
    return generator.nextFloat();
  }

  @Override
  public boolean nextBoolean() {
    consumedBits += 1;
    return generator.nextBoolean();
  }

  @Override
  public void nextBytes(byte[] bytes) {
    consumedBits += 8L * bytes.length;
    generator.nextBytes(bytes);
  }
}
