package org.ferrogen.trng.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.ferrogen.randomness.drbg.Drbg;
import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthState;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.randomness.conditioning.Sha256Conditioner;
import org.ferrogen.trng.random.RandomBytes;

/**
 * The TRNG's data path: raw samples → SP 800-90B continuous health tests (start-up, repetition
 * count, adaptive proportion, cutoffs from the source's claimed entropy) → SHA-256 vetted
 * conditioning sized for full-entropy output → an SP 800-90A DRBG instantiated and reseeded from
 * it.
 *
 * <p>Fail closed: every raw sample is checked before use; an alarm uninstantiates (zeroises) the
 * DRBG and every later request throws {@link EntropySourceFailure} until {@link #reset()} reruns
 * the start-up test. Nothing is emitted from a source that failed, not even DRBG output that was
 * seeded before the failure.
 *
 * <p>Not thread-safe; {@link org.ferrogen.trng.jca.FerroGenSecureRandom} serialises access.
 */
public final class EntropyPipeline implements RandomBytes, AutoCloseable {

  private final EntropySource source;
  private final SourceInfo info;
  private final PipelineConfig config;
  private final HealthMonitor monitor;
  private final Sha256Conditioner conditioner;
  private final Drbg drbg;
  private final int samplesPerBlock;
  private final byte[] samples;
  private final byte[] personalization;

  private long rawSamples;
  private long conditionedBlocks;
  private long reseeds;
  private long outputBytes;
  private long bytesSinceReseed;
  private EntropySourceFailure failure;

  /** Builds the pipeline and runs its start-up test; throws {@link EntropySourceFailure} if it fails. */
  public EntropyPipeline(EntropySource source, PipelineConfig config) {
    this.source = Objects.requireNonNull(source, "source");
    this.config = Objects.requireNonNull(config, "config");
    this.info = source.info();
    this.monitor = new HealthMonitor(new HealthTestConfig(
        info.bitsPerSample(), info.claimedMinEntropyPerSample(), config.alpha(), config.startupSamples()));
    this.conditioner = new Sha256Conditioner(info.bitsPerSample());
    this.samplesPerBlock = conditioner.samplesForFullEntropy(info.claimedMinEntropyPerSample());
    this.samples = new byte[Math.max(samplesPerBlock, config.startupSamples())];
    this.personalization = ("FerroGen TRNG " + info.design()).getBytes(StandardCharsets.UTF_8);
    this.drbg = config.drbg().create(this::entropyInput, Drbg.MAX_RESEED_INTERVAL);
    start();
  }

  public SourceInfo sourceInfo() {
    return info;
  }

  public PipelineConfig config() {
    return config;
  }

  /** Raw samples that feed one 256-bit conditioned block (full entropy at the claimed rate). */
  public int samplesPerConditionedBlock() {
    return samplesPerBlock;
  }

  /** Health-test cutoffs in use: RCT cutoff, APT window and APT cutoff. */
  public int[] healthCutoffs() {
    return new int[] {
      monitor.repetitionCountCutoff(), monitor.adaptiveProportionWindow(), monitor.adaptiveProportionCutoff()
    };
  }

  /** Fills {@code bytes[offset, offset + length)} with DRBG output; fails closed on an alarm. */
  @Override
  public void nextBytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireHealthy();
    try {
      int done = 0;
      while (done < length) {
        if (bytesSinceReseed >= config.reseedAfterBytes()) {
          drbg.reseed(null);
          reseeds++;
          bytesSinceReseed = 0;
        }
        long allowed = config.reseedAfterBytes() - bytesSinceReseed;
        int chunk = (int) Math.min(Math.min(length - done, Drbg.MAX_BYTES_PER_REQUEST), allowed);
        drbg.generate(bytes, offset + done, chunk, null, config.predictionResistance());
        if (config.predictionResistance()) {
          reseeds++;
        }
        done += chunk;
        bytesSinceReseed += chunk;
        outputBytes += chunk;
      }
    } catch (HealthTestFailure e) {
      Arrays.fill(bytes, offset, offset + length, (byte) 0);
      throw fail(e);
    }
  }

  /**
   * Conditioned, full-entropy bytes straight from the conditioner (no DRBG): for seeding other
   * generators ({@code SecureRandom.generateSeed}).
   */
  public byte[] generateSeed(int length) {
    requireHealthy();
    try {
      byte[] seed = new byte[length];
      for (int done = 0; done < length; done += 32) {
        byte[] block = conditionedBlock();
        System.arraycopy(block, 0, seed, done, Math.min(32, length - done));
        Arrays.fill(block, (byte) 0);
      }
      return seed;
    } catch (HealthTestFailure e) {
      throw fail(e);
    }
  }

  /** Mixes caller-supplied material into the DRBG state (as additional input of a reseed). */
  public void addSeedMaterial(byte[] material) {
    requireHealthy();
    try {
      drbg.reseed(material);
      reseeds++;
      bytesSinceReseed = 0;
    } catch (HealthTestFailure e) {
      throw fail(e);
    }
  }

  /**
   * Draws raw samples without conditioning, still through the health tests (for {@code --raw}
   * output and assessment). Fails closed like {@link #nextBytes}.
   */
  public void rawSamples(byte[] out, int offset, int length) {
    requireHealthy();
    try {
      source.read(out, offset, length);
      monitor.check(out, offset, offset + length);
      rawSamples += length;
    } catch (HealthTestFailure e) {
      Arrays.fill(out, offset, offset + length, (byte) 0);
      throw fail(e);
    }
  }

  /** Clears a failure: restarts the health tests, reruns the start-up test and reinstantiates. */
  public void reset() {
    monitor.reset();
    failure = null;
    start();
  }

  public PipelineStatus status() {
    return new PipelineStatus(
        monitor.state(), rawSamples, conditionedBlocks, reseeds, outputBytes,
        monitor.repetitionCountAlarms(), monitor.adaptiveProportionAlarms(), monitor.lastAlarm());
  }

  public boolean isFailed() {
    return failure != null;
  }

  @Override
  public void close() {
    drbg.uninstantiate();
  }

  private void start() {
    try {
      int remaining = config.startupSamples();
      while (remaining > 0) {
        int n = Math.min(remaining, samples.length);
        source.read(samples, 0, n);
        monitor.check(samples, 0, n);
        rawSamples += n;
        remaining -= n;
      }
      byte[] nonce = Arrays.copyOf(conditionedBlock(), 16);
      drbg.instantiate(nonce, personalization);
      reseeds++;
      bytesSinceReseed = 0;
    } catch (HealthTestFailure e) {
      throw fail(e);
    }
  }

  /** Entropy input for the DRBG: whole conditioned blocks covering {@code minEntropyBits}. */
  private byte[] entropyInput(int minEntropyBits) {
    int blocks = Math.max(1, (minEntropyBits + 255) / 256);
    byte[] input = new byte[32 * blocks];
    for (int b = 0; b < blocks; b++) {
      byte[] block = conditionedBlock();
      System.arraycopy(block, 0, input, 32 * b, 32);
      Arrays.fill(block, (byte) 0);
    }
    return input;
  }

  private byte[] conditionedBlock() {
    source.read(samples, 0, samplesPerBlock);
    monitor.check(samples, 0, samplesPerBlock);
    rawSamples += samplesPerBlock;
    Sha256Conditioner.Conditioned c =
        conditioner.condition(samples, 0, samplesPerBlock, info.claimedMinEntropyPerSample());
    Arrays.fill(samples, 0, samplesPerBlock, (byte) 0);
    conditionedBlocks++;
    return c.output();
  }

  private void requireHealthy() {
    if (failure != null) {
      throw failure;
    }
    if (monitor.state() == HealthState.FAILED) {
      throw fail(null);
    }
  }

  private EntropySourceFailure fail(HealthTestFailure cause) {
    drbg.uninstantiate();
    if (failure == null) {
      failure = new EntropySourceFailure(
          info.design(), monitor.lastAlarm().orElse(null),
          cause != null ? cause : new IllegalStateException("health monitor failed"));
    }
    return failure;
  }
}
