package org.ferrogen.chip;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import org.ferrogen.trng.pipeline.PipelineStatus;
import org.ferrogen.trng.random.BufferedRandomGenerator;

/**
 * One TRNG stream of the chip: the spec's design at the chip's temperature → health tests → SHA-256
 * conditioner → CTR_DRBG, as a {@link RandomGenerator}. Its {@link #cost()} is the energy of what it
 * produced so far: raw samples at the design's simulated energy per sample (cells, bit lines and
 * periphery), the conditioner's SHA-256 compressions and the DRBG's AES blocks at the spec's hardware
 * energies, for the bits the caller consumed (the generator fetches DRBG output in blocks; a bit
 * costs the stream's average so far). Not thread-safe (one per sampler), like the generator it wraps.
 */
public final class ChipTrng implements RandomGenerator {

  /** SHA-256 message block, bits (FIPS 180-4). */
  private static final int SHA256_BLOCK_BITS = 512;
  /** AES block, bytes (FIPS 197). */
  private static final int AES_BLOCK_BYTES = 16;
  /**
   * AES blocks of a CTR_DRBG update (seed length 384 bits = 3 blocks), done once per request and per
   * reseed (SP 800-90A Rev. 1, section 10.2.1.2).
   */
  private static final int UPDATE_BLOCKS = 3;

  private final EntropyPipeline pipeline;
  private final SimulatedSource source;
  private final BufferedRandomGenerator generator;
  private final ChipSpec.Trng spec;
  private final int compressionsPerBlock;
  private long consumedBits;

  ChipTrng(ChipSpec.Trng spec, double celsius, OptionalLong noiseSeed) {
    this.spec = spec;
    TrngDesign design = TrngDesign.byName(spec.design());
    OperatingConditions conditions = design.nominalConditions().withTemperatureCelsius(celsius);
    this.source = design.create(conditions, NoiseSeed.of(noiseSeed));
    this.pipeline = new EntropyPipeline(source, PipelineConfig.defaults());
    this.generator = new BufferedRandomGenerator(pipeline);
    SourceInfo info = pipeline.sourceInfo();
    // Hardware packs raw bits densely before hashing; +65 bits of SHA-256 padding and length.
    long bits = (long) pipeline.samplesPerConditionedBlock() * info.bitsPerSample() + 65;
    this.compressionsPerBlock = (int) ((bits + SHA256_BLOCK_BITS - 1) / SHA256_BLOCK_BITS);
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
    PipelineStatus st = pipeline.status();
    SourceInfo info = pipeline.sourceInfo();
    double raw = st.rawSamples() * info.energyPerSampleJoules();
    double conditioner = (double) st.conditionedBlocks() * compressionsPerBlock * spec.conditionerJoulesPerBlock();
    double aesBlocks = Math.ceil(st.outputBytes() / (double) AES_BLOCK_BYTES) + UPDATE_BLOCKS * (double) st.reseeds();
    double drbg = aesBlocks * spec.drbgJoulesPerBlock();
    double seconds = st.rawSamples() / rawBitRate() * info.bitsPerSample();
    return CostReport.of(CostCategory.ENTROPY, raw + conditioner + drbg, seconds);
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
    return compressionsPerBlock;
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
