package org.ferrogen.cli.options;

import java.util.ArrayList;
import org.ferrogen.trng.design.TrngDesign;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --trng-design cell|pair|ring}: which simulated TRNG circuit; default cell everywhere. */
public final class TrngDesignOption {

  @Option(names = "--trng-design", paramLabel = "DESIGN", defaultValue = "cell",
      converter = Converter.class, completionCandidates = Names.class,
      description = "TRNG circuit: ${COMPLETION-CANDIDATES} (cell: stochastic-switching FeCAP cells, pair: FeCAP pair race,"
          + " ring: FeFET ring oscillator; default ${DEFAULT-VALUE}).")
  TrngDesign design;

  public TrngDesign value() {
    return design;
  }

  /** The lowercase names help lists. */
  public static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    public Names() {
      for (TrngDesign d : TrngDesign.values()) {
        add(d.cliName());
      }
    }
  }

  /** Parses a name case-insensitively; an unknown one is an error listing the valid names. */
  public static final class Converter implements ITypeConverter<TrngDesign> {
    @Override
    public TrngDesign convert(String value) {
      for (TrngDesign d : TrngDesign.values()) {
        if (d.cliName().equalsIgnoreCase(value) || d.name().equalsIgnoreCase(value)) {
          return d;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown TRNG design '" + value + "' (valid: " + String.join(", ", new Names()) + ")");
    }
  }
}
