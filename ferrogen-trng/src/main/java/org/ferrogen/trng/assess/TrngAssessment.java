package org.ferrogen.trng.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.sp80022.FinalAnalysis;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import org.ferrogen.randomness.sp80090b.EstimatorResult;
import org.ferrogen.randomness.sp80090b.NonIidAssessment;
import org.ferrogen.randomness.sp80090b.Samples;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.trng.pipeline.PipelineEnergy;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.randomness.conditioning.Sha256Conditioner;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.fault.HealthAlarmCounter;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;

/**
 * Everything a TRNG designer asks of one design at one operating point: the raw source's SP 800-90B
 * non-IID min-entropy, its bias and lag-1 correlation, how often the health tests fire on it, the
 * modelled rate, latency, energy and endurance, an SP 800-22 run on the conditioned output, and the
 * product brief's claims next to the model's numbers.
 */
public final class TrngAssessment {

  /** One SP 800-90B estimator's result. */
  public record Estimate(String name, String domain, double minEntropy) {}

  /** One SP 800-22 (test, variant) final-analysis line. */
  public record Sp80022Line(String test, String variant, int passed, int sampleSize, double proportion,
      double proportionLow, Double uniformity, boolean pass, boolean stsToolPass) {}

  /** A claim of the product brief beside the model's value. */
  public record Claim(String claim, String brief, String model, boolean met) {}

  /**
   * @param design design name
   * @param algorithm JCA algorithm name
   * @param conditions operating point
   * @param seed how the simulated physics was seeded
   * @param details design-specific figures after the run
   * @param rawSamples raw samples assessed
   * @param onesFraction fraction of ones among them
   * @param lag1Autocorrelation lag-1 autocorrelation coefficient of the raw bits
   * @param hOriginal SP 800-90B non-IID H_original (bits per raw bit)
   * @param hAssessed SP 800-90B assessed min-entropy per raw bit
   * @param idealReferenceH the same assessment of as many samples of an ideal fair coin: the
   *     ceiling that the non-IID estimators' conservatism leaves at this sample count
   * @param estimators every estimator's result
   * @param warnings warnings of the entropy assessment
   * @param claimedEntropy the design's claimed min-entropy (drives the health-test cutoffs)
   * @param rctCutoff repetition count cutoff
   * @param aptWindow adaptive proportion window
   * @param aptCutoff adaptive proportion cutoff
   * @param rctAlarms RCT alarms on the raw samples (α = 2^-20)
   * @param aptAlarms APT alarms on the raw samples
   * @param rawBitRate raw bits per second of the modelled circuit
   * @param latencySeconds latency per bit
   * @param energyPerRawBit joules per raw bit
   * @param energy energy per raw bit by component
   * @param rawBitsPerFullEntropyBit raw bits the conditioner consumes per full-entropy output bit
   * @param technology node of the periphery, conditioner and DRBG hardware
   * @param energyPerFullEntropyBit joules per full-entropy bit through the pipeline: its raw bits,
   *     its share of the SHA-256 conditioner and one DRBG output bit
   * @param fullEntropyBitEnergy the same by item
   * @param energyPerDrbgOutputBit joules per DRBG output bit when the DRBG stretches its seed
   *     (reseed every {@code PipelineConfig.defaults()} interval)
   * @param enduranceLifetimeSeconds operation time until the devices' endurance figure
   * @param sp80022Streams streams of conditioned output tested
   * @param sp80022StreamLength bits per stream
   * @param sp80022 final analysis per test
   * @param sp80022AllPass whether every applicable test line passed
   * @param sp80022Chance the failing lines against the number an ideal generator would fail with
   *     the same sample sizes (null without an SP 800-22 run)
   * @param referencePassingLines with a reference run, how many of the same test lines the JDK's
   *     own SP 800-90A generator ({@code SecureRandom.getInstance("DRBG")}) passes on as many
   *     streams: with 188 lines a perfect generator fails a few by chance; null without reference
   * @param claims product brief versus model
   */
  public record Report(
      String design,
      String algorithm,
      OperatingConditions conditions,
      String seed,
      Map<String, String> details,
      int rawSamples,
      double onesFraction,
      double lag1Autocorrelation,
      double hOriginal,
      double hAssessed,
      double idealReferenceH,
      List<Estimate> estimators,
      List<String> warnings,
      double claimedEntropy,
      int rctCutoff,
      int aptWindow,
      int aptCutoff,
      long rctAlarms,
      long aptAlarms,
      double rawBitRate,
      double latencySeconds,
      double energyPerRawBit,
      List<CostItem> energy,
      double rawBitsPerFullEntropyBit,
      String technology,
      double energyPerFullEntropyBit,
      List<CostItem> fullEntropyBitEnergy,
      double energyPerDrbgOutputBit,
      double enduranceLifetimeSeconds,
      int sp80022Streams,
      int sp80022StreamLength,
      List<Sp80022Line> sp80022,
      boolean sp80022AllPass,
      FinalAnalysis.ChanceLevel sp80022Chance,
      Integer referencePassingLines,
      List<Claim> claims) {}

  private TrngAssessment() {}

  /**
   * Assesses {@code design} at {@code conditions}.
   *
   * @param noise drives the simulated physics (split for the conditioned-output source)
   * @param seedDescription how {@code noise} was seeded, for the report
   * @param rawSamples raw samples for the entropy assessment (SP 800-90B asks for 10^6)
   * @param streams SP 800-22 streams of conditioned output (0 to skip)
   * @param streamLength bits per stream
   */
  public static Report run(TrngDesign design, OperatingConditions conditions,
      RandomGenerator.SplittableGenerator noise, String seedDescription, int rawSamples, int streams,
      int streamLength) {
    return run(design, conditions, noise, seedDescription, rawSamples, streams, streamLength, false);
  }

  /** As above; {@code reference} also runs the SP 800-22 battery on the JDK's DRBG for comparison. */
  public static Report run(TrngDesign design, OperatingConditions conditions,
      RandomGenerator.SplittableGenerator noise, String seedDescription, int rawSamples, int streams,
      int streamLength, boolean reference) {
    return run(design, conditions, noise, seedDescription, rawSamples, streams, streamLength, reference, n -> {});
  }

  /**
   * Work units {@link #run(TrngDesign, OperatingConditions, RandomGenerator.SplittableGenerator,
   * String, int, int, int, boolean, LongConsumer)} reports: the raw read and the health count, the
   * binary non-IID estimator runs on the source and on the ideal coin, and per SP 800-22 stream its
   * generation and its 15 test runs (twice with {@code reference}).
   */
  public static long progressUnits(int streams, boolean reference) {
    long perStream = 1 + new Sp80022Battery(Sp80022Parameters.defaults()).progressUnits(1);
    return 2 + 2L * NonIidAssessment.estimatorRuns(2) + streams * perStream * (reference ? 2 : 1);
  }

  /** As above, calling {@code progress} with the work units just finished ({@link #progressUnits}). */
  public static Report run(TrngDesign design, OperatingConditions conditions,
      RandomGenerator.SplittableGenerator noise, String seedDescription, int rawSamples, int streams,
      int streamLength, boolean reference, LongConsumer progress) {
    return run(design, conditions, noise, seedDescription, rawSamples, streams, streamLength, reference, progress,
        TechnologyNode.preset(TrngDesign.DEFAULT_TECHNOLOGY));
  }

  /** As above, with the periphery, conditioner and DRBG hardware on {@code technology}. */
  public static Report run(TrngDesign design, OperatingConditions conditions,
      RandomGenerator.SplittableGenerator noise, String seedDescription, int rawSamples, int streams,
      int streamLength, boolean reference, LongConsumer progress, TechnologyNode technology) {
    if (streams > 0 && (streamLength < 8 || streamLength % 8 != 0)) {
      throw new IllegalArgumentException("SP 800-22 stream length must be a positive multiple of 8 bits, got " + streamLength);
    }
    if (rawSamples < 1) {
      throw new IllegalArgumentException("raw sample count must be >= 1, got " + rawSamples);
    }
    SimulatedSource source = design.create(conditions, noise.split(), technology);
    byte[] raw = new byte[rawSamples];
    source.read(raw, 0, rawSamples);
    progress.accept(1);
    SourceInfo info = source.info();

    long ones = 0;
    for (byte b : raw) {
      ones += b;
    }
    double p = (double) ones / rawSamples;
    double lag1 = lag1(raw, p);

    NonIidAssessment.Result entropy = NonIidAssessment.assess(Samples.of(design.cliName() + " raw", raw, 1), true, progress);
    List<Estimate> estimates = new ArrayList<>();
    for (EstimatorResult e : entropy.estimators()) {
      estimates.add(new Estimate(e.name(), e.domain().toString(), e.minEntropy()));
    }

    byte[] ideal = new byte[rawSamples];
    new IdealBinarySource(noise.split(), 0.5, 1.0).read(ideal, 0, rawSamples);
    double idealH = NonIidAssessment.assess(Samples.of("ideal fair coin", ideal, 1), true, progress).hAssessed();

    HealthTestConfig healthConfig = HealthTestConfig.of(1, info.claimedMinEntropyPerSample());
    HealthAlarmCounter.Counts alarms = HealthAlarmCounter.count(raw, healthConfig);
    progress.accept(1);

    Sha256Conditioner conditioner = new Sha256Conditioner(1);
    int perBlock = conditioner.samplesForFullEntropy(info.claimedMinEntropyPerSample());
    double rawPerFullBit = perBlock / (double) Sha256Conditioner.OUTPUT_BITS;

    List<Sp80022Line> lines = new ArrayList<>();
    boolean allPass = true;
    FinalAnalysis.ChanceLevel chance = null;
    Integer referencePassing = null;
    if (streams > 0) {
      List<BitSequence> sequences = new ArrayList<>();
      try (EntropyPipeline pipeline = new EntropyPipeline(design.create(conditions, noise.split(), technology), PipelineConfig.defaults())) {
        byte[] bytes = new byte[streamLength / 8];
        for (int s = 0; s < streams; s++) {
          pipeline.nextBytes(bytes, 0, bytes.length);
          sequences.add(BitSequence.fromBytes(bytes, BitFormat.MSB));
          progress.accept(1);
        }
      }
      Sp80022Battery battery = new Sp80022Battery(Sp80022Parameters.defaults());
      Sp80022Battery.BatteryReport report = battery.run(sequences, progress);
      for (FinalAnalysis.Summary sum : report.summary()) {
        lines.add(new Sp80022Line(sum.test().toString(), sum.variant(), sum.passed(), sum.sampleSize(),
            sum.proportion(), sum.proportionLow(),
            sum.uniformity().isPresent() ? sum.uniformity().getAsDouble() : null, sum.pass(),
            sum.stsToolPass()));
        allPass &= sum.sampleSize() == 0 || sum.pass(); // a test the streams are too short for is reported, not failed
      }
      chance = FinalAnalysis.chanceLevel(report.summary(), battery.parameters().alpha());
      if (reference) {
        referencePassing = referenceBattery(battery, streams, streamLength, progress);
      }
    }

    double rate = info.rawBitRate();
    double energyPerBit = info.energyPerRawBitJoules();
    PipelineConfig pipeline = PipelineConfig.defaults();
    List<CostItem> fullBit = PipelineEnergy.perFullEntropyBit(info, perBlock, pipeline.drbg(), technology);
    double energyPerFullBit = CostItem.total(fullBit);
    double energyPerDrbgBit = PipelineEnergy.perDrbgOutputBit(info, perBlock, pipeline, technology);
    List<Claim> claims = List.of(
        new Claim("raw rate", "200 Mb/s", String.format("%.1f Mb/s", rate / 1e6),
            rate >= BriefClaims.RATE_BITS_PER_SECOND),
        new Claim("latency per bit", "< 100 ns", String.format("%.1f ns", info.latencySeconds() * 1e9),
            info.latencySeconds() < BriefClaims.LATENCY_SECONDS),
        new Claim("min-entropy per raw bit", "> 0.99", String.format("%.4f (SP 800-90B non-IID)", entropy.hAssessed()),
            entropy.hAssessed() > BriefClaims.ENTROPY_PER_RAW_BIT),
        new Claim("energy per raw bit", "~10 pJ", String.format("%.3f pJ", energyPerBit * 1e12),
            energyPerBit <= BriefClaims.ENERGY_PER_BIT_JOULES),
        new Claim("energy per full-entropy bit", "~10 pJ",
            String.format("%.3f pJ (cells, SHA-256, DRBG)", energyPerFullBit * 1e12),
            energyPerFullBit <= BriefClaims.ENERGY_PER_BIT_JOULES));

    return new Report(design.cliName(), design.algorithm(), conditions, seedDescription, source.details(),
        rawSamples, p, lag1, entropy.hOriginal(), entropy.hAssessed(), idealH, estimates, entropy.warnings(),
        info.claimedMinEntropyPerSample(), healthConfig.repetitionCountCutoff(), healthConfig.window(),
        healthConfig.adaptiveProportionCutoff(), alarms.repetitionCount(), alarms.adaptiveProportion(), rate, info.latencySeconds(),
        energyPerBit, info.energy(), rawPerFullBit, technology.name(), energyPerFullBit, fullBit, energyPerDrbgBit,
        source.enduranceLifetimeSeconds(), streams,
        streamLength, lines, allPass, chance, referencePassing, claims);
  }

  private static double lag1(byte[] x, double mean) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - mean;
      den += d * d;
      if (i > 0) {
        num += d * (x[i - 1] - mean);
      }
    }
    return den == 0 ? 1 : num / den;
  }

  private static int referenceBattery(Sp80022Battery battery, int streams, int streamLength,
      LongConsumer progress) {
    java.security.SecureRandom jdk;
    try {
      jdk = java.security.SecureRandom.getInstance("DRBG");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no DRBG SecureRandom", e);
    }
    List<BitSequence> sequences = new ArrayList<>();
    byte[] bytes = new byte[streamLength / 8];
    for (int s = 0; s < streams; s++) {
      jdk.nextBytes(bytes);
      sequences.add(BitSequence.fromBytes(bytes, BitFormat.MSB));
      progress.accept(1);
    }
    int passing = 0;
    for (FinalAnalysis.Summary sum : battery.run(sequences, progress).summary()) {
      passing += sum.pass() ? 1 : 0;
    }
    return passing;
  }
}
