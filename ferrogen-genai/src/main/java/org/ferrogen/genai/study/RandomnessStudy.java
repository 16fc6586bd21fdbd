package org.ferrogen.genai.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.genai.Generation;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.diffusion.DenoiserBackend;
import org.ferrogen.genai.diffusion.DiffusionModel;
import org.ferrogen.genai.diffusion.DiffusionSampling;
import org.ferrogen.genai.diffusion.FashionDiffusion;
import org.ferrogen.genai.diffusion.FrechetDistance;
import org.ferrogen.genai.diffusion.ImageClassifier;
import org.ferrogen.genai.entropy.HealthDetection;
import org.ferrogen.genai.entropy.RawBitsGenerator;
import org.ferrogen.genai.entropy.StudySource;
import org.ferrogen.genai.metrics.Diversity;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.genai.rl.BanditExperiment;
import org.ferrogen.genai.rl.BernoulliBandit;
import org.ferrogen.genai.rl.Exploration;
import org.ferrogen.genai.rl.QLearning;
import org.ferrogen.genai.sample.AnalogNoiseSampler;
import org.ferrogen.genai.sample.AnalogNoiseSampling;
import org.ferrogen.genai.sample.Sampler;
import org.ferrogen.genai.sample.SamplerSettings;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.trng.NoiseSeed;

/**
 * What randomness quality does to generative AI: the same workloads — language-model sampling,
 * diffusion sampling, bandit and grid-world exploration — fed by each {@link StudySource}, with the
 * workload metrics and their 95 % confidence intervals, and how many raw samples the SP 800-90B
 * health tests need to alarm on each degraded source.
 *
 * <p>Seeds: every stream is {@code StreamSeeds.derive(seed, workload, source, repeat)}. The
 * environment of repeat r (the bandit's arms and rewards) is the same for every source, so sources
 * are compared on paired environments; only the randomness under study differs.
 */
public final class RandomnessStudy {
  private static final long LANGUAGE = 1;
  private static final long BANDIT = 2;
  private static final long GRID = 3;
  private static final long DIFFUSION = 4;
  private static final long HEALTH = 5;
  private static final long ENVIRONMENT = 6;
  private static final long ANALOG_CHIP = 7;
  /** The study's sampling temperature (pure softmax, no truncation), also the analog-noise target. */
  private static final double TEMPERATURE = 1.0;
  /** ADC full scale of the analog head = this × the largest column sum of the prompt (as generate's default). */
  private static final double ADC_HEADROOM = 1.25;
  private static final int BANDIT_ARMS = 10;
  /** SP 800-90B's recommended false-alarm probability. */
  private static final double ALPHA = 0x1p-20;

  /** The shipped language model, tokenizer and prompt. */
  public record LanguageWorkload(LlamaModel model, Tokenizer tokenizer, String prompt) {}

  /** The shipped diffusion model, its judge and real test images ({@code n × pixels}). */
  public record DiffusionWorkload(DiffusionModel model, ImageClassifier classifier, float[] testImages) {}

  public record LanguageResult(double distinct2, Estimate repetition4, Estimate selfBleu4, int hung) {}

  public record RlResult(Estimate thompsonRegret, Estimate epsilonGreedyRegret, Estimate cliffReturn, int hung) {}

  /** @param hung batches that did not finish: a sampler never accepted, or the images were not finite or degenerate */
  public record DiffusionResult(Estimate frechetDistance, Estimate coveredClasses, int hung) {}

  /** @param samplesToAlarm null when the source reaches the workload through a conditioned pipeline or no alarm came */
  public record HealthResult(Long samplesToAlarm, long samplesChecked) {}

  public record SourceResult(String source, String description, boolean raw, LanguageResult language, RlResult rl,
      DiffusionResult diffusion, HealthResult health) {}

  private final StudyPlan plan;
  private final long seed;
  private final Optional<LanguageWorkload> language;
  private final Optional<DiffusionWorkload> diffusion;

  public RandomnessStudy(StudyPlan plan, long seed, Optional<LanguageWorkload> language,
      Optional<DiffusionWorkload> diffusion) {
    this.plan = plan;
    this.seed = seed;
    this.language = language;
    this.diffusion = diffusion;
  }

  /** Progress units the run reports in all. */
  public long work() {
    long total = 0;
    for (StudySource source : StudySource.values()) {
      total += 1 + (language.isPresent() ? plan.lmSamples() : 0);
      if (source.drawsRandomNumbers()) {
        total += plan.rlRepeats() + (diffusion.isPresent() ? plan.diffusionBatches() : 0);
      }
    }
    return total;
  }

  public List<SourceResult> run(LongConsumer progress) {
    List<SourceResult> results = new ArrayList<>();
    for (StudySource source : StudySource.values()) {
      if (!source.drawsRandomNumbers()) {
        // The chip's read noise picks the tokens: no random numbers for RL, diffusion or health tests.
        LanguageResult lm = language.map(w -> analogLanguage(w, source, progress)).orElse(null);
        Estimate none = Estimate.of(new double[0]);
        progress.accept(1);
        results.add(new SourceResult(source.key(), source.description(), false, lm, new RlResult(none, none, none, 0),
            diffusion.map(d -> new DiffusionResult(none, none, 0)).orElse(null), new HealthResult(null, 0)));
        continue;
      }
      LanguageResult lm = language.map(w -> language(w, source, progress)).orElse(null);
      RlResult rl = reinforcement(source, progress);
      DiffusionResult dm = diffusion.map(w -> diffusion(w, source, progress)).orElse(null);
      HealthResult health = health(source);
      progress.accept(1);
      results.add(new SourceResult(source.key(), source.description(), source.isRaw(), lm, rl, dm, health));
    }
    return results;
  }

  private long streamSeed(long workload, StudySource source, long repeat) {
    return StreamSeeds.derive(seed, workload, source.ordinal(), repeat);
  }

  private LanguageResult language(LanguageWorkload w, StudySource source, LongConsumer progress) {
    List<int[]> samples = new ArrayList<>();
    int hung = 0;
    long budget = 64L * plan.lmTokens();
    for (int i = 0; i < plan.lmSamples(); i++) {
      RandomGenerator random = source.open(streamSeed(LANGUAGE, source, i), budget);
      try {
        Sampler sampler = new Sampler(SamplerSettings.pure(TEMPERATURE), random);
        samples.add(Generation.generate(w.model(), w.tokenizer(), sampler, w.prompt(), plan.lmTokens(), t -> {})
            .generated());
      } catch (RawBitsGenerator.EntropyBudgetExhausted e) {
        hung++;
      }
      progress.accept(1);
    }
    return languageResult(samples, hung);
  }

  /**
   * The language workload with noise-native sampling: the model's output head on the default
   * chip's tiles (ADC ranges calibrated on the prompt), the rest of the model digital; each token
   * is the argmax of as many averaged reads as match T ({@link AnalogNoiseSampler}), calibrated on
   * the first continuation's prompt.
   */
  private LanguageResult analogLanguage(LanguageWorkload w, StudySource source, LongConsumer progress) {
    Chip chip = new Chip(ChipSpecs.preset(ChipSpecs.DEFAULT_PRESET), StreamSeeds.derive(seed, ANALOG_CHIP), 1);
    List<int[]> samples = new ArrayList<>();
    try (ChipBackend backend = new ChipBackend(chip)) {
      LinearLayer head = backend.program(w.model().outputWeights());
      int[] encoded = w.tokenizer().encode(w.prompt());
      int[] prompt = w.tokenizer().addBos() ? IntStream.concat(IntStream.of(w.tokenizer().bosId()),
          Arrays.stream(encoded)).toArray() : encoded;
      backend.beginCalibration(prompt.length);
      LlamaSession session = w.model().newSession(prompt.length);
      float[] scratch = new float[head.rows()];
      for (int t : prompt) {
        session.forward(t);
        head.multiply(session.headInput(), scratch);
      }
      backend.endCalibration(ADC_HEADROOM);
      AnalogNoiseSampling.Setting setting = null;
      for (int i = 0; i < plan.lmSamples(); i++) {
        AnalogNoiseSampler sampler = new AnalogNoiseSampler(head, false, TEMPERATURE, setting,
            streamSeed(LANGUAGE, source, i));
        samples.add(Generation.generate(w.model(), w.tokenizer(), sampler, w.prompt(), plan.lmTokens(), t -> {})
            .generated());
        setting = sampler.setting();
        progress.accept(1);
      }
    }
    return languageResult(samples, 0);
  }

  private static LanguageResult languageResult(List<int[]> samples, int hung) {
    if (samples.size() < 2) {
      return new LanguageResult(Double.NaN, Estimate.of(new double[0]), Estimate.of(new double[0]), hung);
    }
    double[] repetition = samples.stream().mapToDouble(s -> Diversity.repetition(s, 4)).toArray();
    double[] bleu = new double[samples.size()];
    for (int i = 0; i < bleu.length; i++) {
      bleu[i] = Diversity.selfBleu(samples, i, 4);
    }
    return new LanguageResult(Diversity.distinctN(samples, 2), Estimate.of(repetition), Estimate.of(bleu), hung);
  }

  private RlResult reinforcement(StudySource source, LongConsumer progress) {
    List<Double> thompson = new ArrayList<>();
    List<Double> greedy = new ArrayList<>();
    List<Double> cliff = new ArrayList<>();
    int hung = 0;
    long budget = 64L * plan.banditSteps() * BANDIT_ARMS + 64L * plan.cliffEpisodes() * 1000;
    for (int r = 0; r < plan.rlRepeats(); r++) {
      long environmentSeed = StreamSeeds.derive(seed, ENVIRONMENT, r);
      BernoulliBandit bandit = BernoulliBandit.random(BANDIT_ARMS, NoiseSeed.fromSeed(environmentSeed));
      try {
        thompson.add(new BanditExperiment(Exploration.THOMPSON, 0, plan.banditSteps())
            .run(bandit, NoiseSeed.fromSeed(environmentSeed), source.open(streamSeed(BANDIT, source, 2L * r), budget))
            .finalRegret());
        greedy.add(new BanditExperiment(Exploration.EPSILON_GREEDY, 0.1, plan.banditSteps())
            .run(bandit, NoiseSeed.fromSeed(environmentSeed), source.open(streamSeed(BANDIT, source, 2L * r + 1), budget))
            .finalRegret());
        QLearning.Result q = new QLearning(Exploration.EPSILON_GREEDY, 0.1, 0.5, plan.cliffEpisodes(), 1000)
            .run(source.open(streamSeed(GRID, source, r), budget));
        double[] returns = q.returns();
        int from = returns.length - Math.max(1, returns.length / 4);
        cliff.add(Arrays.stream(returns, from, returns.length).average().orElseThrow());
      } catch (RawBitsGenerator.EntropyBudgetExhausted e) {
        hung++;
      }
      progress.accept(1);
    }
    return new RlResult(estimate(thompson), estimate(greedy), estimate(cliff), hung);
  }

  private DiffusionResult diffusion(DiffusionWorkload w, StudySource source, LongConsumer progress) {
    List<Double> fd = new ArrayList<>();
    List<Double> covered = new ArrayList<>();
    int hung = 0;
    long gaussians = (long) plan.diffusionSamples() * w.model().pixels() * w.model().schedule().steps();
    for (int b = 0; b < plan.diffusionBatches(); b++) {
      RandomGenerator noise = source.open(streamSeed(DIFFUSION, source, b), 8 * gaussians);
      try {
        float[] images = DiffusionSampling.sample(w.model(), DenoiserBackend.exact(w.model().denoiser()),
            plan.diffusionSamples(), noise, n -> {});
        FashionDiffusion.Quality q = FashionDiffusion.quality(w.classifier(), images, w.testImages());
        fd.add(q.frechetDistance());
        covered.add((double) q.coveredClasses());
      } catch (RawBitsGenerator.EntropyBudgetExhausted | FrechetDistance.NonFiniteFeaturesException
          | FrechetDistance.DegenerateFeaturesException e) {
        hung++;
      }
      progress.accept(1);
    }
    return new DiffusionResult(estimate(fd), estimate(covered), hung);
  }

  private HealthResult health(StudySource source) {
    return source.rawSource(streamSeed(HEALTH, source, 0))
        .map(raw -> {
          OptionalLong alarm = HealthDetection.samplesToAlarm(raw, 1.0, ALPHA, plan.healthSamples());
          return new HealthResult(alarm.isPresent() ? alarm.getAsLong() : null, plan.healthSamples());
        })
        .orElse(new HealthResult(null, 0));
  }

  private static Estimate estimate(List<Double> values) {
    return Estimate.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
