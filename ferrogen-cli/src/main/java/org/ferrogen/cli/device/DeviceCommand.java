package org.ferrogen.cli.device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferrogen device ...}: device-physics experiments with CSV and PNG output. */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen device loop --device-params cea-leti-2025 --out-dir plots/"},
    description = "HZO device physics: hysteresis loops, switching statistics, FeFET/memristor levels, energy.",
    subcommands = {
      LoopCommand.class,
      SwitchingCommand.class,
      LevelsCommand.class,
      EnergyCommand.class,
    })
public final class DeviceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
