package org.ferrogen.cli.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.diffusion.DiffuseCommand;
import org.ferrogen.cli.diffusion.TrainDiffusionCommand;
import org.ferrogen.cli.genai.ShippedModel;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.diffusion.DiffusionImages;
import org.ferrogen.genai.diffusion.DiffusionModel;
import org.ferrogen.genai.diffusion.FashionDiffusion;
import org.ferrogen.genai.diffusion.ImageClassifier;
import org.ferrogen.genai.entropy.StudySource;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.study.Estimate;
import org.ferrogen.genai.study.RandomnessStudy;
import org.ferrogen.genai.study.StudyPlan;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.learn.data.FashionMnist;
import org.knowm.xchart.CategoryChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferrogen study randomness}: what randomness quality does to generative workloads. */
@Command(name = "randomness", mixinStandardHelpOptions = true,
    description = {"Feed the same generative workloads - language-model sampling on the shipped model, diffusion"
        + " sampling, bandit and grid-world exploration - from the chip's TRNG pipeline, a seeded PRNG and degraded"
        + " raw sources (bias 0.55/0.6/0.75, lag-1 correlation, a periodic low-entropy source, stuck bits) handed over"
        + " without health tests or conditioning; report each workload's metric with its 95 %% interval and how many"
        + " raw samples the SP 800-90B health tests need to alarm on each degraded source.",
        "Example: ferrogen study randomness --quick --seed 1 --out-dir study"})
public final class RandomnessStudyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin SeedOption seed;
  @Mixin OutDirOption outDir;

  @Option(names = "--quick", description = "Smaller workloads (minutes on two cores) instead of the documented study.")
  boolean quick;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "Prompt of the language-model workload (default: ${DEFAULT-VALUE}).")
  String prompt = "And God said";

  @Override
  public Integer call() throws Exception {
    StudyPlan plan = quick ? StudyPlan.quick() : StudyPlan.full();
    long s = seed.value();
    Path modelFile = ShippedModel.locate().orElseThrow(() -> new IllegalArgumentException(
        "the shipped model models/ferrogen-kjv.gguf was not found next to the installation"));
    GgufFile gguf = GgufFile.open(modelFile);
    var language = new RandomnessStudy.LanguageWorkload(LlamaModel.load(gguf, new FloatBackend(1)),
        Tokenizers.fromGguf(gguf), prompt);
    DiffusionModel ddpm = DiffusionModel.read(DiffuseCommand.shipped(null, TrainDiffusionCommand.MODEL_FILE));
    ImageClassifier judge = ImageClassifier.read(DiffuseCommand.shipped(null, TrainDiffusionCommand.CLASSIFIER_FILE));
    float[] test = DiffusionImages.prepare(FashionMnist.bundledSubset().test().head(2 * plan.diffusionSamples()),
        FashionDiffusion.DOWNSAMPLE);
    RandomnessStudy study = new RandomnessStudy(plan, s, Optional.of(language),
        Optional.of(new RandomnessStudy.DiffusionWorkload(ddpm, judge, test)));
    List<RandomnessStudy.SourceResult> results;
    try (ProgressBars.Progress p = common.progress("randomness study", study.work(), "run")) {
      results = study.run(p);
    }
    if (outDir.value().isPresent()) {
      Path dir = outDir.create(Path.of("."));
      Plots.csv(dir.resolve("randomness-study.csv"), csv(results));
      Plots.write(dir.resolve("randomness-study"), charts(results));
    }
    if (common.json()) {
      var node = Json.object();
      node.put("seed", s);
      node.put("quick", quick);
      node.set("plan", Json.MAPPER.valueToTree(plan));
      node.set("sources", Json.MAPPER.valueToTree(results));
      common.printJson(node);
    } else {
      print(results, s);
    }
    return 0;
  }

  private void print(List<RandomnessStudy.SourceResult> results, long s) {
    var out = common.out();
    out.printf("Randomness study (%s, seed %d); mean ± 95 %% half-width%n", quick ? "quick" : "full", s);
    out.printf("%-14s %-14s %-14s %-9s %-16s %-16s %-14s %-14s %s%n", "source", "self-BLEU-4", "seq-rep-4", "distinct-2",
        "Thompson regret", "eps-greedy regret", "cliff return", "diffusion FD", "health alarm after");
    for (RandomnessStudy.SourceResult r : results) {
      out.printf("%-14s %-14s %-14s %-9s %-16s %-16s %-14s %-14s %s%n", r.source(),
          fmt(r.language().selfBleu4(), r.language().hung()), fmt(r.language().repetition4(), r.language().hung()),
          String.format(Locale.ROOT, "%.3f", r.language().distinct2()),
          fmt(r.rl().thompsonRegret(), r.rl().hung()), fmt(r.rl().epsilonGreedyRegret(), r.rl().hung()),
          fmt(r.rl().cliffReturn(), r.rl().hung()), fmt(r.diffusion().frechetDistance(), r.diffusion().hung()),
          r.source().equals(StudySource.ANALOG_NOISE.key()) ? "n/a (no random numbers)"
              : !r.raw() ? "n/a (conditioned pipeline)"
              : r.health().samplesToAlarm() == null ? "none in " + r.health().samplesChecked() + " samples"
              : r.health().samplesToAlarm() + " samples");
    }
    out.println("Raw sources reach the workloads here only because the study bypasses the pipeline: FerroGen's pipeline");
    out.println("fails closed at the first alarm, so no output derived from an alarmed source leaves it.");
  }

  private static String fmt(Estimate e, int hung) {
    String text = Double.isNaN(e.mean()) ? "-" : Double.isNaN(e.halfWidth95())
        ? Plots.number(e.mean()) : Plots.number(e.mean()) + "±" + Plots.number(e.halfWidth95());
    return hung > 0 ? text + " (" + hung + " hung)" : text;
  }

  private static String csv(List<RandomnessStudy.SourceResult> results) {
    StringBuilder b = new StringBuilder("source,self_bleu4,self_bleu4_ci95,seq_rep4,seq_rep4_ci95,distinct2,lm_hung,"
        + "thompson_regret,thompson_regret_ci95,epsilon_greedy_regret,epsilon_greedy_regret_ci95,cliff_return,"
        + "cliff_return_ci95,rl_hung,frechet_distance,frechet_distance_ci95,covered_classes,diffusion_hung,"
        + "health_alarm_samples\n");
    for (RandomnessStudy.SourceResult r : results) {
      List<String> cells = new ArrayList<>(List.of(r.source()));
      for (Estimate e : List.of(r.language().selfBleu4(), r.language().repetition4())) {
        cells.add(num(e.mean()));
        cells.add(num(e.halfWidth95()));
      }
      cells.add(num(r.language().distinct2()));
      cells.add(Integer.toString(r.language().hung()));
      for (Estimate e : List.of(r.rl().thompsonRegret(), r.rl().epsilonGreedyRegret(), r.rl().cliffReturn())) {
        cells.add(num(e.mean()));
        cells.add(num(e.halfWidth95()));
      }
      cells.add(Integer.toString(r.rl().hung()));
      cells.add(num(r.diffusion().frechetDistance().mean()));
      cells.add(num(r.diffusion().frechetDistance().halfWidth95()));
      cells.add(num(r.diffusion().coveredClasses().mean()));
      cells.add(Integer.toString(r.diffusion().hung()));
      cells.add(r.health().samplesToAlarm() == null ? "" : r.health().samplesToAlarm().toString());
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  private static List<CategoryChart> charts(List<RandomnessStudy.SourceResult> results) {
    return List.of(
        chart("Language model: self-BLEU-4 (lower = more diverse)", "self-BLEU-4", results, r -> r.language().selfBleu4()),
        chart("Bandit: Thompson-sampling regret", "regret", results, r -> r.rl().thompsonRegret()),
        chart("Grid world: late-episode return", "return", results, r -> r.rl().cliffReturn()),
        chart("Diffusion: Fréchet distance to test images", "Fréchet distance", results, r -> r.diffusion().frechetDistance()));
  }

  private static CategoryChart chart(String title, String yTitle, List<RandomnessStudy.SourceResult> results,
      Function<RandomnessStudy.SourceResult, Estimate> metric) {
    CategoryChart c = Plots.bars(title, "randomness source", yTitle);
    List<String> names = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    for (RandomnessStudy.SourceResult r : results) {
      Estimate e = metric.apply(r);
      if (Double.isFinite(e.mean())) {
        names.add(r.source());
        means.add(e.mean());
        errors.add(Double.isFinite(e.halfWidth95()) ? e.halfWidth95() : 0.0);
      }
    }
    c.addSeries("mean, 95 % interval", names, means, errors);
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(30);
    return c;
  }
}
