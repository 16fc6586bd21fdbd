package org.ferrogen.cli.rl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.genai.entropy.RawBitsGenerator;
import org.ferrogen.genai.entropy.StudySource;
import org.ferrogen.genai.rl.BanditExperiment;
import org.ferrogen.genai.rl.BernoulliBandit;
import org.ferrogen.genai.rl.CliffWalking;
import org.ferrogen.genai.rl.Exploration;
import org.ferrogen.genai.rl.QLearning;
import org.ferrogen.genai.study.Estimate;
import org.ferrogen.trng.NoiseSeed;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrogen rl}: reinforcement learning whose exploration draws on a chosen randomness source. */
@Command(name = "rl", mixinStandardHelpOptions = true,
    description = {"Reinforcement learning with exploration from the chip's TRNG, a PRNG or a degraded raw source:"
        + " a Bernoulli bandit (regret curve) or Sutton and Barto's cliff-walking grid world (return curve),"
        + " averaged over repeats with 95 %% intervals.",
        "Example: ferrogen rl bandit --exploration thompson --entropy trng --repeats 20 --out-dir rl"})
public final class RlCommand implements Callable<Integer> {

  /** The task. */
  public enum Task { BANDIT, GRIDWORLD }

  @Mixin CommonOptions common;
  @Mixin SeedOption seed;
  @Mixin OutDirOption outDir;

  @Parameters(index = "0", paramLabel = "TASK", description = "bandit or gridworld.")
  Task task;

  @Option(names = "--exploration", paramLabel = "NAME",
      description = "epsilon_greedy, softmax or thompson (bandit only) (default: ${DEFAULT-VALUE}).")
  Exploration exploration = Exploration.EPSILON_GREEDY;

  @Option(names = "--epsilon", paramLabel = "E", description = "Exploration rate of epsilon-greedy (default: ${DEFAULT-VALUE}).")
  double epsilon = 0.1;

  @Option(names = "--softmax-temperature", paramLabel = "T", description = "Temperature of softmax exploration, in reward units (default: ${DEFAULT-VALUE}).")
  double softmaxTemperature = 0.1;

  @Option(names = "--entropy", paramLabel = "SOURCE",
      description = "trng, prng, bias-0.55, bias-0.6, bias-0.75, lag1-0.5, periodic-4096 or stuck (default: ${DEFAULT-VALUE}).")
  String entropy = "trng";

  @Option(names = "--episodes", paramLabel = "N", description = "Pulls of the bandit, or episodes of the grid world (default: 2000 pulls, 300 episodes).")
  Integer episodes;

  @Option(names = "--arms", paramLabel = "K", description = "Bandit arms (default: ${DEFAULT-VALUE}).")
  int arms = 10;

  @Option(names = "--repeats", paramLabel = "R", description = "Independent runs averaged (default: ${DEFAULT-VALUE}).")
  int repeats = 20;

  @Override
  public Integer call() throws Exception {
    StudySource source = StudySource.fromKey(entropy);
    int n = episodes != null ? episodes : task == Task.BANDIT ? 2000 : 300;
    if (n < 1 || n > 10_000_000 || repeats < 2 || repeats > 100_000 || arms < 2 || arms > 10_000) {
      throw new IllegalArgumentException("--episodes must be 1..10^7, --repeats 2..10^5 and --arms 2..10^4");
    }
    double parameter = exploration == Exploration.SOFTMAX ? softmaxTemperature : epsilon;
    long s = seed.value();
    double[][] curves = new double[repeats][];
    double[] finals = new double[repeats];
    int hung = 0;
    try (ProgressBars.Progress p = common.progress("rl " + task.name().toLowerCase(), repeats, "run")) {
      for (int r = 0; r < repeats; r++) {
        RandomGenerator agent = source.open(StreamSeeds.derive(s, 1, r), 64L * n * Math.max(arms, 1000));
        try {
          if (task == Task.BANDIT) {
            RandomGenerator environment = NoiseSeed.fromSeed(StreamSeeds.derive(s, 2, r));
            BernoulliBandit bandit = BernoulliBandit.random(arms, environment);
            curves[r] = new BanditExperiment(exploration, parameter, n).run(bandit, environment, agent).cumulativeRegret();
          } else {
            curves[r] = new QLearning(exploration, parameter, 0.5, n, 1000).run(agent).returns();
          }
          finals[r - hung] = curves[r][n - 1];
        } catch (RawBitsGenerator.EntropyBudgetExhausted e) {
          hung++;
        }
        p.accept(1);
      }
    }
    Estimate last = Estimate.of(java.util.Arrays.copyOf(finals, repeats - hung));
    double[] mean = meanCurve(curves, n);
    String metric = task == Task.BANDIT ? "cumulative regret" : "episode return";
    if (outDir.value().isPresent()) {
      Path dir = outDir.create(Path.of("."));
      XYChart chart = Plots.xy("RL " + task.name().toLowerCase() + ": " + exploration.key() + ", entropy " + entropy,
          task == Task.BANDIT ? "pull" : "episode", null, metric, null);
      chart.addSeries("mean of " + (repeats - hung) + " runs", xs(n), mean).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      Plots.write(dir.resolve("rl-" + task.name().toLowerCase()), List.of(chart));
    }
    if (common.json()) {
      var node = Json.object();
      node.put("task", task.name().toLowerCase());
      node.put("exploration", exploration.key());
      node.put("entropy", source.key());
      node.put("seed", s);
      node.put("episodes", n);
      node.put("repeats", repeats);
      node.put("hung_runs", hung);
      node.put("metric", metric.replace(' ', '_'));
      node.put("final_mean", last.mean());
      node.put("final_ci95", last.halfWidth95());
      if (task == Task.GRIDWORLD) {
        node.put("optimal_return", CliffWalking.OPTIMAL_RETURN);
      }
      common.printJson(node);
    } else {
      common.out().printf("%s, %s exploration, entropy %s (%s), seed %d%n", task.name().toLowerCase(), exploration.key(),
          source.key(), source.description(), s);
      common.out().printf("final %s: %s ± %s (95 %%, %d runs%s)%n", metric, Plots.number(last.mean()),
          Plots.number(last.halfWidth95()), repeats - hung, hung > 0 ? ", " + hung + " hung on a broken source" : "");
    }
    return 0;
  }

  private static double[] meanCurve(double[][] curves, int n) {
    double[] mean = new double[n];
    int count = 0;
    for (double[] c : curves) {
      if (c != null) {
        count++;
        for (int i = 0; i < n; i++) {
          mean[i] += c[i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] = count == 0 ? Double.NaN : mean[i] / count;
    }
    return mean;
  }

  private static double[] xs(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }
}
