package org.ferrogen.trng.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import org.ferrogen.randomness.drbg.Drbg;
import org.ferrogen.randomness.health.HealthAlarm;
import org.ferrogen.randomness.health.HealthCutoffs;
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
 * count, adaptive proportion, cutoffs from the source's claimed entropy; on the stream and on each
 * physical cell) → SHA-256 vetted conditioning sized for full-entropy output → an SP 800-90A DRBG
 * instantiated and reseeded from it.
 *
 * <p>Alarm policy (SP 800-90B 4.3 lets the designer define the response to intermittent and
 * persistent failures; arithmetic in docs/health-and-drbg.md). Every raw sample is checked before
 * use. On an alarm the pipeline discards the affected samples, uninstantiates (zeroises) the DRBG
 * and reruns the start-up test on fresh samples; only when it passes is the DRBG instantiated again
 * from fresh conditioned entropy and the interrupted request continued (an <em>intermittent</em>
 * alarm, which a healthy source at 200 Mb/s raises many times a second at α = 2^-20). The failure is
 * <em>persistent</em> when that start-up test fails, when the alarm happened during a start-up test,
 * or when {@link #persistentAlarms()} alarms fall within {@link PipelineConfig#persistenceWindowSamples()}
 * raw samples; then every request throws {@link EntropySourceFailure} until {@link #reset()} passes
 * the longer recovery start-up test on fresh samples. Nothing is emitted between an alarm and a
 * passed start-up test, not even DRBG output seeded before the alarm.
 *
 * <p>Not thread-safe; {@link org.ferrogen.trng.jca.FerroGenSecureRandom} serialises access.
 */
public final class EntropyPipeline implements RandomBytes, AutoCloseable {

  /** Per-window probability that a healthy source reaches the persistence count. */
  private static final double PERSISTENCE_FALSE_PROBABILITY = 0x1p-40;

  private final EntropySource source;
  private final SourceInfo info;
  private final PipelineConfig config;
  private final HealthMonitor monitor;
  private final LaneHealthTests lanes;
  private final Sha256Conditioner conditioner;
  private final Drbg drbg;
  private final int samplesPerBlock;
  private final byte[] samples;
  private final byte[] personalization;
  private final double predictedAlarmsPerSample;
  private final int persistentAlarms;
  private final ArrayDeque<Long> recentAlarms = new ArrayDeque<>();

  private long rawSamples;
  private long conditionedBlocks;
  private long reseeds;
  private long outputBytes;
  private long bytesSinceReseed;
  private long intermittentAlarms;
  private long persistentFailures;
  private long startupTests;
  private double healthSampleCredit;
  private boolean inStartup;
  private EntropySourceFailure failure;

  /** Builds the pipeline and runs its start-up test; throws {@link EntropySourceFailure} if it fails. */
  public EntropyPipeline(EntropySource source, PipelineConfig config) {
    this.source = Objects.requireNonNull(source, "source");
    this.config = Objects.requireNonNull(config, "config");
    this.info = source.info();
    HealthTestConfig health = new HealthTestConfig(
        info.bitsPerSample(), info.claimedMinEntropyPerSample(), config.alpha(), config.startupSamples());
    this.monitor = new HealthMonitor(health);
    this.lanes = config.laneTests() && source.lanes() > 1 && info.bitsPerSample() == 1
        ? new LaneHealthTests(source.lanes(), info.claimedMinEntropyPerSample(), config.alpha())
        : null;
    this.conditioner = new Sha256Conditioner(info.bitsPerSample());
    this.samplesPerBlock = conditioner.samplesForFullEntropy(info.claimedMinEntropyPerSample());
    this.samples = new byte[Math.max(samplesPerBlock, 4096)];
    this.personalization = ("FerroGen TRNG " + info.design()).getBytes(StandardCharsets.UTF_8);
    this.predictedAlarmsPerSample = predictedFalseAlarmsPerSample(health, lanes != null);
    this.persistentAlarms = config.persistentAlarms() > 0
        ? config.persistentAlarms()
        : poissonCritical(predictedAlarmsPerSample * config.persistenceWindowSamples(), PERSISTENCE_FALSE_PROBABILITY);
    this.drbg = config.drbg().create(this::entropyInput, Drbg.MAX_RESEED_INTERVAL);
    try {
      startupTest(config.startupSamples());
    } catch (HealthTestFailure e) {
      throw closePersistently();
    }
  }

  /**
   * False alarms per raw sample the tests raise on a source exactly at its claimed entropy (i.i.d.,
   * most likely value at probability 2^-H): RCT renewal rate plus APT per-window probability over W,
   * for the stream tests and, when on, once more for the lane tests (each sample is in one lane).
   */
  public static double predictedFalseAlarmsPerSample(HealthTestConfig health, boolean laneTests) {
    double h = health.claimedEntropy();
    double perSample = HealthCutoffs.repetitionCountAlarmRate(h, health.repetitionCountCutoff())
        + HealthCutoffs.adaptiveProportionWindowAlarmProbability(
            health.window(), h, health.adaptiveProportionCutoff()) / health.window();
    return laneTests ? 2 * perSample : perSample;
  }

  /** Smallest k with P(Poisson(mean) >= k) <= tail. */
  static int poissonCritical(double mean, double tail) {
    double pmf = Math.exp(-mean);
    double cdf = pmf;
    int k = 0;
    while (1 - cdf > tail && k < 1_000_000) {
      k++;
      pmf *= mean / k;
      cdf += pmf;
    }
    // P(X >= k + 1) = 1 - cdf(k) <= tail
    return Math.max(2, k + 1);
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

  /** Predicted false alarms per raw sample of a source at its claimed entropy (all tests in use). */
  public double predictedFalseAlarmsPerSample() {
    return predictedAlarmsPerSample;
  }

  /** Alarms within the persistence window that make a failure persistent. */
  public int persistentAlarms() {
    return persistentAlarms;
  }

  /** Physical cells tested one by one (1 when the lane tests are off or the source has one cell). */
  public int testedLanes() {
    return lanes == null ? 1 : lanes.lanes();
  }

  /** Fills {@code bytes[offset, offset + length)} with DRBG output; fails closed on an alarm. */
  @Override
  public void nextBytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireOpen();
    int done = 0;
    while (done < length) {
      try {
        if (bytesSinceReseed >= config.reseedAfterBytes()) {
          drbg.reseed(null);
          reseeds++;
          bytesSinceReseed = 0;
        }
        long allowed = config.reseedAfterBytes() - bytesSinceReseed;
        int chunk = (int) Math.min(Math.min(length - done, Drbg.MAX_BYTES_PER_REQUEST), allowed);
        byte[] additional = continuousSamples(chunk);
        drbg.generate(bytes, offset + done, chunk, additional, config.predictionResistance());
        if (config.predictionResistance()) {
          reseeds++;
        }
        done += chunk;
        bytesSinceReseed += chunk;
        outputBytes += chunk;
      } catch (HealthTestFailure e) {
        try {
          recover(e);
        } catch (EntropySourceFailure closed) {
          Arrays.fill(bytes, offset, offset + length, (byte) 0);
          throw closed;
        }
      }
    }
  }

  /**
   * Continuous health sampling: fresh raw samples for {@code chunk} output bytes, tested and
   * conditioned into the request's additional input; null when off.
   */
  private byte[] continuousSamples(int chunk) {
    if (config.healthSamplesPerOutputByte() == 0) {
      return null;
    }
    healthSampleCredit += chunk * config.healthSamplesPerOutputByte();
    int blocks = (int) (healthSampleCredit / samplesPerBlock);
    if (blocks == 0) {
      return null;
    }
    healthSampleCredit -= (double) blocks * samplesPerBlock;
    byte[] additional = new byte[32 * Math.min(blocks, 64)];
    for (int b = 0; b < blocks; b++) {
      byte[] block = conditionedBlock();
      int at = 32 * (b % 64);
      for (int i = 0; i < 32; i++) {
        additional[at + i] ^= block[i];
      }
      Arrays.fill(block, (byte) 0);
    }
    return additional;
  }

  /**
   * Conditioned, full-entropy bytes straight from the conditioner (no DRBG): for seeding other
   * generators ({@code SecureRandom.generateSeed}).
   */
  public byte[] generateSeed(int length) {
    requireOpen();
    byte[] seed = new byte[length];
    int done = 0;
    while (done < length) {
      try {
        byte[] block = conditionedBlock();
        System.arraycopy(block, 0, seed, done, Math.min(32, length - done));
        Arrays.fill(block, (byte) 0);
        done += 32;
      } catch (HealthTestFailure e) {
        try {
          recover(e);
        } catch (EntropySourceFailure closed) {
          Arrays.fill(seed, (byte) 0);
          throw closed;
        }
      }
    }
    return seed;
  }

  /** Mixes caller-supplied material into the DRBG state (as additional input of a reseed). */
  public void addSeedMaterial(byte[] material) {
    requireOpen();
    while (true) {
      try {
        drbg.reseed(material);
        reseeds++;
        bytesSinceReseed = 0;
        return;
      } catch (HealthTestFailure e) {
        recover(e);
      }
    }
  }

  /**
   * Draws raw samples without conditioning, still through the health tests (for {@code --raw}
   * output, assessment and soak runs). An intermittent alarm discards the samples of the affected
   * read and reruns the start-up test; the samples written are all from after a passed test.
   */
  public void rawSamples(byte[] out, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, out.length);
    requireOpen();
    while (true) {
      try {
        checkedRead(out, offset, length);
        return;
      } catch (HealthTestFailure e) {
        Arrays.fill(out, offset, offset + length, (byte) 0);
        recover(e);
      }
    }
  }

  /**
   * Reopens the pipeline after a persistent failure (or restarts a healthy one): restarts the
   * health tests and runs the recovery start-up test ({@link PipelineConfig#recoveryStartupSamples()})
   * on fresh samples; only if it passes is the DRBG instantiated again.
   *
   * @throws EntropySourceFailure when the recovery start-up test fails; the pipeline stays closed
   */
  public void reset() {
    drbg.uninstantiate();
    failure = null;
    recentAlarms.clear();
    try {
      startupTest(config.recoveryStartupSamples());
    } catch (HealthTestFailure e) {
      throw closePersistently();
    }
  }

  public PipelineStatus status() {
    return new PipelineStatus(
        failure != null ? HealthState.FAILED : monitor.state(), rawSamples, conditionedBlocks, reseeds, outputBytes,
        monitor.repetitionCountAlarms(), monitor.adaptiveProportionAlarms(), lanes == null ? 0 : lanes.alarms(),
        intermittentAlarms, persistentFailures, startupTests, lastAlarm());
  }

  /** Whether the pipeline is closed by a persistent failure (until a successful {@link #reset()}). */
  public boolean isFailed() {
    return failure != null;
  }

  @Override
  public void close() {
    drbg.uninstantiate();
  }

  /** Reads from the source and runs every test on the samples; throws on an alarm. */
  private void checkedRead(byte[] buf, int offset, int length) {
    source.read(buf, offset, length);
    rawSamples += length;
    if (lanes != null) {
      int alarm = lanes.scan(buf, offset, offset + length, inStartup);
      if (alarm >= 0) {
        HealthAlarm a = lanes.lastAlarm();
        throw new HealthTestFailure(a, "health test failed on cell " + lanes.lastLane() + ": " + a.describe());
      }
    }
    monitor.check(buf, offset, offset + length);
  }

  /**
   * Start-up test (SP 800-90B 4.3) over {@code count} fresh samples with freshly started tests, then
   * a new DRBG instantiation from fresh conditioned entropy.
   */
  private void startupTest(int count) {
    monitor.reset();
    if (lanes != null) {
      lanes.reset();
    }
    startupTests++;
    inStartup = true;
    try {
      int remaining = count;
      while (remaining > 0) {
        int n = Math.min(remaining, samples.length);
        checkedRead(samples, 0, n);
        remaining -= n;
      }
      Arrays.fill(samples, (byte) 0);
    } finally {
      inStartup = false;
    }
    byte[] nonce = Arrays.copyOf(conditionedBlock(), 16);
    drbg.instantiate(nonce, personalization);
    reseeds++;
    bytesSinceReseed = 0;
  }

  /**
   * Handles an alarm: zeroises the DRBG and either reruns the start-up test (intermittent) or closes
   * the pipeline (persistent) by throwing {@link EntropySourceFailure}.
   */
  private void recover(HealthTestFailure alarm) {
    drbg.uninstantiate();
    Arrays.fill(samples, (byte) 0);
    long at = rawSamples;
    recentAlarms.addLast(at);
    while (!recentAlarms.isEmpty() && recentAlarms.peekFirst() <= at - config.persistenceWindowSamples()) {
      recentAlarms.removeFirst();
    }
    boolean duringStartup = alarm.alarm() != null && alarm.alarm().duringStartup();
    if (duringStartup || recentAlarms.size() >= persistentAlarms) {
      throw closePersistently();
    }
    intermittentAlarms++;
    try {
      startupTest(config.startupSamples());
    } catch (HealthTestFailure again) {
      throw closePersistently();
    }
  }

  private EntropySourceFailure closePersistently() {
    drbg.uninstantiate();
    if (failure == null) {
      persistentFailures++;
      failure = new EntropySourceFailure(info.design(), lastAlarm().orElse(null),
          new IllegalStateException("persistent health-test failure"));
    }
    return failure;
  }

  private java.util.Optional<HealthAlarm> lastAlarm() {
    HealthAlarm stream = monitor.lastAlarm().orElse(null);
    HealthAlarm lane = lanes == null ? null : lanes.lastAlarm();
    if (stream == null) {
      return java.util.Optional.ofNullable(lane);
    }
    if (lane == null) {
      return java.util.Optional.of(stream);
    }
    return java.util.Optional.of(lane.sampleIndex() > stream.sampleIndex() ? lane : stream);
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
    checkedRead(samples, 0, samplesPerBlock);
    Sha256Conditioner.Conditioned c =
        conditioner.condition(samples, 0, samplesPerBlock, info.claimedMinEntropyPerSample());
    Arrays.fill(samples, 0, samplesPerBlock, (byte) 0);
    conditionedBlocks++;
    return c.output();
  }

  private void requireOpen() {
    if (failure != null) {
      throw failure;
    }
  }
}
