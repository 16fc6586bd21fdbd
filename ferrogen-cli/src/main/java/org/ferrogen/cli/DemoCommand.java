package org.ferrogen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferrogen demo}: the main job in one run. It walks through what the chip does — store,
 * compute, randomise, generate — by running the real commands a user would type, printing each
 * command line before its output so that every figure can be reproduced and varied by hand.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Tour of the simulated ferroelectric chip: device physics, analog matrix products,",
      "the entropy source and its tests, and text generation on the chip, each step being",
      "a real ferrogen command printed before it runs."
    })
public final class DemoCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", defaultValue = "ferrogen-demo",
      description = "Folder for the plots and CSV files the demo writes (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "2026",
      description = "Seed of every simulation in the demo, so a rerun prints the same figures (default ${DEFAULT-VALUE}).")
  long seed;

  /** One step of the tour: why it matters, and the command that shows it. */
  record Step(String title, String why, List<String> args) {}

  List<Step> steps() {
    String s = Long.toString(seed);
    String dir = out.toString();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("Store: a CEA-Leti FeCAP read and the FeFET / memristor programming energy",
        "Destructive charge-sharing read onto a 188 fF bit line (Martemucci et al., Nat. Electron. 2025).",
        List.of("device", "energy", "--params", "cea-leti-2025", "--out", dir, "--seed", s)));
    steps.add(new Step("Store: 32 programmed FeFET levels (Deng et al. VLSI 2020 multi-domain model)",
        "Partial polarization switching sets the threshold voltage; program-and-verify places each level.",
        List.of("device", "levels", "--params", "deng-2020-fefet", "--out", dir, "--seed", s)));
    steps.add(new Step("Compute: a 256x256 matrix-vector product on FeFET crossbar tiles",
        "Accuracy against the exact float product, and what it costs in energy, time and area.",
        List.of("cim", "mvm", "--rows", "256", "--cols", "256", "--trials", "20", "--seed", s)));
    steps.add(new Step("Randomise: the stochastic-switching FeCAP cell TRNG, assessed",
        "SP 800-90B min-entropy of the raw bits, health tests, rate/latency/energy, SP 800-22 on the"
            + " conditioned output, and the product brief's claims beside the model (a quick run: 2e5 samples,"
            + " 20 streams; SP 800-90B asks for 1e6).",
        List.of("trng", "assess", "--design", "cell", "--samples", "200000", "--streams", "20", "--seed", s)));
    String bits = out.resolve("trng-cell.bin").toString();
    steps.add(new Step("Randomise: conditioned bytes from the same TRNG, written to a file",
        "Raw samples -> health tests -> SHA-256 conditioner -> CTR_DRBG; an alarm would stop the output.",
        List.of("trng", "--design", "cell", "--bytes", "125000", "--seed", s, "-o", bits)));
    steps.add(new Step("Test: the NIST SP 800-22 battery on that file",
        "All 15 tests with STS 2.1.2 defaults; the same command tests any bit file.",
        List.of("sp800-22", bits, "--format", "msb")));
    steps.add(new Step("Generate: the shipped KJV language model, sampling from the ferroelectric TRNG",
        "A 2.76 M-parameter Llama trained by FerroGen itself (models/README.md); every token is drawn with"
            + " random numbers from the TRNG pipeline above (seeded here, so the run repeats).",
        List.of("generate", "--prompt", "And God said", "--max-tokens", "48", "--entropy", "trng", "--seed", s)));
    steps.add(new Step("Generate on the chip: the same model with every matrix on FeFET crossbar tiles",
        "Programming 5.5 M cells by program-and-verify on the device model takes about a minute; then each"
            + " token runs through DACs, noisy analog column sums and ADCs, with its modelled energy.",
        List.of("generate", "--backend", "chip", "--chip-seed", s, "--prompt", "And God said", "--max-tokens", "48",
            "--seed", s)));
    return steps;
  }

  /** An argument as a shell user types it: quoted when it holds anything but plain characters. */
  static String shellWord(String arg) {
    return arg.matches("[A-Za-z0-9_./:=+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    console.println("FerroGen demo: a simulated ferroelectric chip that stores, computes and samples.");
    console.println("Every step below is an ordinary ferrogen command; run it yourself to vary it.");
    console.println("Plots and CSV files go to " + out.toAbsolutePath() + ".");
    List<String> failed = new ArrayList<>();
    List<Step> steps = steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      console.println();
      console.printf("== %d/%d  %s%n", i + 1, steps.size(), step.title());
      console.println("   " + step.why());
      console.println("$ ./ferrogen " + String.join(" ", step.args().stream().map(DemoCommand::shellWord).toList()));
      console.flush();
      CommandLine command = FerroGen.newCommandLine();
      command.setOut(console);
      command.setErr(spec.commandLine().getErr());
      int code = command.execute(step.args().toArray(String[]::new));
      console.flush();
      if (code != 0) {
        failed.add(step.title());
      }
    }
    console.println();
    if (failed.isEmpty()) {
      console.println("Demo complete: " + steps.size() + " steps.");
      return 0;
    }
    console.println("Demo finished with " + failed.size() + " failed step(s): " + String.join("; ", failed));
    return ExitCode.BAD_INPUT;
  }
}
