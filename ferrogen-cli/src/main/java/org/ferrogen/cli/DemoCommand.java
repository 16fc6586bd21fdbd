package org.ferrogen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferrogen.cli.randomness.Sp80022Report;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ferrogen demo}. Until the chip demo exists it runs the SP 800-22 battery on a bundled
 * sample: the 10^6-bit data.sha1 stream of the NIST STS 2.1.2 distribution (see the NOTICE next
 * to it).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Show what FerroGen does (for now: the SP 800-22 battery on a bundled sample).")
public final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE = "/org/ferrogen/cli/sample/sts-data.sha1";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    byte[] bytes;
    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IOException("bundled sample " + SAMPLE + " is missing from the jar");
      }
      bytes = in.readAllBytes();
    }
    BitSequence sample = BitSequence.fromBytes(bytes, BitFormat.MSB);
    out.println("FerroGen demo: the chip demo is not built yet, so this runs the NIST SP 800-22 battery");
    out.println("(all 15 tests, STS 2.1.2 defaults) on a bundled sample: " + sample.length()
        + " bits of data.sha1 from the NIST STS 2.1.2 data folder.");
    out.println("Run it on your own bits with: ./ferrogen sp800-22 FILE --format ascii|msb|lsb");
    out.println();
    Sp80022Parameters parameters = Sp80022Parameters.defaults();
    long start = System.nanoTime();
    Sp80022Battery.BatteryReport report = new Sp80022Battery(parameters).run(List.of(sample));
    double wall = (System.nanoTime() - start) / 1e9;
    Sp80022Report.printTable(out, "bundled sample data.sha1 (msb)", report, parameters.alpha(), wall);
    return 0;
  }
}
