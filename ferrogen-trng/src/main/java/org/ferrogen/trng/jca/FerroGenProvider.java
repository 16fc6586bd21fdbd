package org.ferrogen.trng.jca;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandomParameters;
import java.util.Map;
import org.ferrogen.trng.design.TrngDesign;

/**
 * JCA provider "FerroGen": one {@code SecureRandom} algorithm per simulated design, e.g.
 * {@code SecureRandom.getInstance("FeTRNG-Cell", new FerroGenProvider())}, or with {@link
 * FerroGenParameters} for a chosen environment or a fixed seed. The output is SP 800-90A DRBG output
 * seeded from health-tested, SHA-256-conditioned samples of a simulated ferroelectric noise source:
 * the simulation itself is driven by a pseudo-random generator, so this is not certified entropy.
 */
public final class FerroGenProvider extends Provider {

  private static final long serialVersionUID = 1L;

  public static final String NAME = "FerroGen";

  public FerroGenProvider() {
    super(NAME, "0.1",
        "FerroGen simulated ferroelectric TRNG: health-tested, SHA-256-conditioned samples of a"
            + " SIMULATED noise source seeding an SP 800-90A DRBG. The simulation is driven by a"
            + " pseudo-random generator: not certified entropy; do not use for keys.");
    for (TrngDesign design : TrngDesign.values()) {
      putService(new DesignService(this, design));
    }
  }

  /** Creates the SPI for its design with the caller's parameters or the defaults. */
  private static final class DesignService extends Provider.Service {
    private final TrngDesign design;

    DesignService(Provider provider, TrngDesign design) {
      super(provider, "SecureRandom", design.algorithm(), FerroGenSecureRandomSpi.class.getName(),
          null, Map.of("ThreadSafe", "true"));
      this.design = design;
    }

    @Override
    public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
      if (constructorParameter == null) {
        return new FerroGenSecureRandomSpi(FerroGenParameters.of(design));
      }
      if (constructorParameter instanceof FerroGenParameters p) {
        if (p.design() != design) {
          throw new NoSuchAlgorithmException(new InvalidAlgorithmParameterException(
              "parameters are for " + p.design().algorithm() + ", not " + design.algorithm()));
        }
        return new FerroGenSecureRandomSpi(p);
      }
      if (constructorParameter instanceof SecureRandomParameters) {
        throw new NoSuchAlgorithmException(new InvalidAlgorithmParameterException(
            design.algorithm() + " takes FerroGenParameters, got "
                + constructorParameter.getClass().getName()));
      }
      throw new NoSuchAlgorithmException(
          design.algorithm() + ": unexpected constructor parameter " + constructorParameter.getClass().getName());
    }
  }
}
