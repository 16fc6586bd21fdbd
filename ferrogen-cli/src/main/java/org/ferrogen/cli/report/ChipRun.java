package org.ferrogen.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cim.MvmExperiment;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.cli.cim.MvmPlots;
import org.ferrogen.cli.device.SwitchingCommand;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.genai.Generation;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.sample.Sampler;
import org.ferrogen.genai.sample.SamplerSettings;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.FinalAnalysis;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.assess.TrngAssessment;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import org.ferrogen.trng.random.TrngRandomGenerators;

/**
 * One chip run, end to end, gathered into {@link ReportData}: the device curves of its parameter
 * set, its TRNG (SP 800-90B estimators, health tests, SP 800-22 on the conditioned output), one
 * matrix's accuracy, and text generated with every matrix on the tiles, sampled from the TRNG.
 * Each step reports progress through its own callback; the sizes are chosen so the whole run
 * takes about a minute on two cores.
 */
public final class ChipRun {

  /** What to run. */
  public record Settings(ChipSpec chipSpec, String deviceParams, TrngDesign trngDesign, long seed,
      Path model, String prompt, int tokens, int trngSamples, int sp80022Streams, int sp80022StreamLength,
      int mvmSize) {
    /** The compute tiles' configuration. */
    public CimConfig chip() {
      return chipSpec.cimConfig(Runtime.getRuntime().availableProcessors());
    }
  }

  /** The steps, in order; the report's progress bars and the demo's headings follow them. */
  public enum Step {
    DEVICE("device curves: switching, levels, retention"),
    TRNG("TRNG: SP 800-90B estimators and health tests"),
    SP80022("TRNG: SP 800-22 on the conditioned output"),
    COMPUTE("compute: one matrix, chip against exact"),
    PROGRAM("programming the model onto the chip"),
    GENERATE("generating text on the chip");

    public final String title;

    Step(String title) {
      this.title = title;
    }
  }

  /** Where a run's progress and streamed text go. */
  public interface Listener {
    /** A progress callback for {@code step} over {@code total} units (negative: unknown); closed by the caller. */
    org.ferrogen.cli.ProgressBars.Progress start(Step step, long total, String unit);

    /** A piece of generated text, as it is sampled. */
    void text(String piece);
  }

  private ChipRun() {}

  /** The seed of stream {@code name} of the run's seed ({@link org.ferrogen.device.seed.StreamSeeds#derive(long, String)}). */
  static long derive(long seed, String name) {
    return org.ferrogen.device.seed.StreamSeeds.derive(seed, name);
  }

  public static ReportData run(Settings s, String command, Listener listener) throws IOException {
    ReportData.Spec spec = spec(s);
    ReportData.DeviceCurves device;
    try (var p = listener.start(Step.DEVICE, SwitchingCommand.SIZES.length + 2, "curve")) {
      device = device(s, p);
    }
    ReportData.Trng trng = trng(s, listener);
    ReportData.Compute compute;
    try (var p = listener.start(Step.COMPUTE, -1, "")) {
      compute = compute(s);
    }
    GgufFile gguf = GgufFile.open(s.model());
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    ReportData.Text text;
    ReportData.Energy energy;
    try (ChipBackend backend = new ChipBackend(s.chip(), derive(s.seed(), "chip"))) {
      LlamaModel model;
      try (var p = listener.start(Step.PROGRAM, -1, "")) {
        model = LlamaModel.load(gguf, backend);
      }
      backend.resetReport();
      Generation.Result r;
      try (var p = listener.start(Step.GENERATE, s.tokens(), "tok")) {
        Sampler sampler = new Sampler(SamplerSettings.defaults(),
            TrngRandomGenerators.create(s.trngDesign(), OptionalLong.of(derive(s.seed(), "sample-0"))));
        r = Generation.generate(model, tokenizer, sampler, s.prompt(), s.tokens(), piece -> {
          p.accept(1);
          listener.text(piece);
        });
      }
      long processed = r.promptTokens().length + r.generated().length;
      text = new ReportData.Text(s.model().getFileName().toString(), s.prompt(), r.text(), r.generated().length,
          r.tokensPerSecond(), "chip", "trng/" + s.trngDesign().cliName());
      energy = energy(backend, processed, model.config().parameterCount());
    }
    return new ReportData("FerroGen chip report", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), command,
        s.seed(), spec, device, trng, compute, energy, text, Optional.empty());
  }

  private static ReportData.Spec spec(Settings s) {
    List<ReportData.Row> rows = new ArrayList<>();
    rows.add(new ReportData.Row("chip spec", s.chipSpec().name() + ": " + s.chipSpec().description()));
    rows.add(new ReportData.Row("technology", s.chipSpec().technology()));
    rows.add(new ReportData.Row("device parameter set", s.deviceParams()));
    rows.add(new ReportData.Row("TRNG design", s.trngDesign().cliName() + " (" + s.trngDesign().algorithm() + ")"));
    rows.add(new ReportData.Row("tile", s.chip().tile().rows() + " × " + s.chip().tile().cols()));
    rows.add(new ReportData.Row("cell", String.valueOf(s.chip().cell().type())));
    rows.add(new ReportData.Row("model", s.model().getFileName().toString()));
    rows.add(new ReportData.Row("seed", Long.toString(s.seed())));
    return new ReportData.Spec(rows, ChipSpecs.toYaml(s.chipSpec()));
  }

  private static ReportData.DeviceCurves device(Settings s, LongConsumer progress) {
    DeviceParams p = ParameterSets.resolve(s.deviceParams());
    SplittableRandom rng = new SplittableRandom(derive(s.seed(), "device"));
    double t = p.film().thicknessM();
    double width = p.fefet() != null ? p.fefet().programPulseS() : p.fecap().readPulseS();
    double vMax = 4e8 * t;
    List<ReportData.Curve> switching = new ArrayList<>();
    for (int n : SwitchingCommand.SIZES) {
      double[][] a = SwitchingCommand.average(p, n, rng, true, width, vMax, 2.5e8 * t);
      switching.add(new ReportData.Curve("N = " + n + (n == 1 ? " domain" : " domains"), a[0], a[2]));
      progress.accept(1);
    }
    ReportData.Curve levels = null;
    if (p.fefet() != null) {
      FeFetCell cell = FeFetCell.multiLevel(p);
      int k = cell.levels();
      double spacing = (cell.maxConductance() - cell.minConductance()) / (k - 1);
      double[] x = new double[k * 8];
      double[] y = new double[k * 8];
      for (int level = 0, i = 0; level < k; level++) {
        double target = cell.levelConductance(level);
        for (int c = 0; c < 8; c++, i++) {
          x[i] = level;
          y[i] = cell.program(target, 0.2 * spacing / target, 60, rng).conductance();
        }
      }
      levels = new ReportData.Curve("8 cells per level, program-and-verify", x, y);
    }
    progress.accept(1);
    Ageing ageing = new Ageing(p.ageing());
    List<ReportData.Curve> retention = new ArrayList<>();
    for (double celsius : new double[] {25, 85, 125}) {
      double[] time = new double[60];
      double[] kept = new double[60];
      for (int i = 0; i < time.length; i++) {
        time[i] = Math.pow(10, i * 9.0 / (time.length - 1)); // 1 s .. 10^9 s (32 years)
        kept[i] = ageing.retainedFraction(time[i], celsius + 273.15);
      }
      retention.add(new ReportData.Curve(String.format(Locale.ROOT, "%.0f °C", celsius), time, kept));
    }
    progress.accept(1);
    return new ReportData.DeviceCurves(p.name(), width, switching, levels, retention);
  }

  private static ReportData.Trng trng(Settings s, Listener listener) {
    TrngDesign d = s.trngDesign();
    TrngAssessment.Report a;
    try (var p = listener.start(Step.TRNG, TrngAssessment.progressUnits(0, false), "step")) {
      a = TrngAssessment.run(d, d.nominalConditions(), NoiseSeed.fromSeed(derive(s.seed(), "trng")),
          Long.toString(s.seed()), s.trngSamples(), 0, 8, false, p);
    }
    List<ReportData.Estimate> estimates = a.estimators().stream()
        .map(e -> new ReportData.Estimate(e.name(), e.domain(), e.minEntropy())).toList();
    Sp80022Battery battery = new Sp80022Battery(Sp80022Parameters.defaults());
    Sp80022Battery.BatteryReport report;
    try (var p = listener.start(Step.SP80022, battery.progressUnits(s.sp80022Streams()), "test")) {
      List<BitSequence> streams = new ArrayList<>();
      try (EntropyPipeline pipeline = new EntropyPipeline(
          d.create(d.nominalConditions(), NoiseSeed.fromSeed(derive(s.seed(), "trng-output"))), PipelineConfig.defaults())) {
        byte[] bytes = new byte[s.sp80022StreamLength() / 8];
        for (int i = 0; i < s.sp80022Streams(); i++) {
          pipeline.nextBytes(bytes, 0, bytes.length);
          streams.add(BitSequence.fromBytes(bytes, BitFormat.MSB));
        }
      }
      report = battery.run(streams, p);
    }
    Map<String, int[]> byTest = new LinkedHashMap<>();
    for (FinalAnalysis.Summary sum : report.summary()) {
      int[] h = byTest.computeIfAbsent(sum.test().stsName(), k -> new int[10]);
      for (int i = 0; i < 10 && i < sum.histogram().size(); i++) {
        h[i] += sum.histogram().get(i);
      }
    }
    List<ReportData.PValueHistogram> hist = byTest.entrySet().stream()
        .filter(e -> java.util.Arrays.stream(e.getValue()).sum() > 0)
        .map(e -> new ReportData.PValueHistogram(e.getKey(), e.getValue())).toList();
    FinalAnalysis.ChanceLevel chance = FinalAnalysis.chanceLevel(report.summary(), battery.parameters().alpha());
    return new ReportData.Trng(d.cliName(), a.rawSamples(), estimates, a.hAssessed(), a.claimedEntropy(),
        a.rctCutoff(), a.aptCutoff(), a.rctAlarms(), a.aptAlarms(), a.rawBitRate(), a.latencySeconds(),
        a.energyPerRawBit(), s.sp80022Streams(), s.sp80022StreamLength(), hist, chance.lines(), chance.failed(),
        chance.atLeastAsMany(), org.ferrogen.cli.randomness.Sp80022Report.batteryPasses(chance));
  }

  private static ReportData.Compute compute(Settings s) {
    int n = s.mvmSize();
    float[] w = new float[n * n];
    SplittableRandom rng = new SplittableRandom(derive(s.seed(), "weights"));
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) rng.nextGaussian();
    }
    TiledAnalogMatrix m = new TiledAnalogMatrix(s.chip(), n, n, derive(s.seed(), "mvm-chip"));
    MvmExperiment.Result r = MvmExperiment.run(m, w, 20, derive(s.seed(), "inputs"));
    MvmPlots.Pairs pairs = MvmPlots.sample(m, w, Math.max(1, 2048 / n), derive(s.seed(), "plot-inputs"));
    return new ReportData.Compute(n + " × " + n + " Gaussian matrix", pairs.exact(), pairs.chip(),
        r.relativeL2Error(), r.meanSnrDb(), r.costPerMvm().computeEnergyJoules(), r.costPerMvm().topsPerWatt());
  }

  private static ReportData.Energy energy(ChipBackend backend, long tokens, long parameters) {
    CostReport c = backend.cost();
    List<ReportData.Row> rows = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        double perToken = c.energy(cat) / Math.max(1, tokens);
        rows.add(new ReportData.Row(cat.name().toLowerCase(Locale.ROOT).replace('_', ' '),
            org.ferrogen.cli.Plots.withPrefix(perToken, "J")));
        values.add(perToken);
      }
    }
    List<ReportData.LayerEnergy> layers = backend.layerCosts().stream()
        .map(l -> new ReportData.LayerEnergy(l.name(), l.cost().computeEnergyJoules() / Math.max(1, tokens))).toList();
    return new ReportData.Energy(tokens, parameters, rows, values.stream().mapToDouble(Double::doubleValue).toArray(),
        c.computeEnergyJoules() / Math.max(1, tokens), layers, GPU);
  }

  /** Measured GPU energy per token, copied with their sources (docs/literature figures; batch sizes stated). */
  static final List<ReportData.GpuFigure> GPU = List.of(
      new ReportData.GpuFigure("NVIDIA A100, Hugging Face transformers, batch 1", "Llama-2-7B", 4.35,
          "ML.ENERGY leaderboard v1 (GPU energy only)"),
      new ReportData.GpuFigure("NVIDIA A100, Hugging Face transformers, batch 1", "Llama-2-13B", 8.04,
          "ML.ENERGY leaderboard v1 (GPU energy only)"),
      new ReportData.GpuFigure("NVIDIA H100, vLLM, batch 64", "Llama-3.1-8B", 0.12,
          "ML.ENERGY 2025 (0.20 → 0.12 J/token)"),
      new ReportData.GpuFigure("IBM NorthPole, 16 cards", "3B-parameter model", 0.024,
          "derived: 672 W / 28,356 tokens/s"));

  /** The number of parameters the GPU figures' models have, for the per-parameter column. */
  static final Map<String, Double> GPU_PARAMETERS = Map.of("Llama-2-7B", 7e9, "Llama-2-13B", 13e9,
      "Llama-3.1-8B", 8e9, "3B-parameter model", 3e9);
}
