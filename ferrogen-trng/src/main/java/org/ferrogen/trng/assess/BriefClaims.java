package org.ferrogen.trng.assess;

/**
 * The hardware claims of FerroGen's product brief for its TRNG, to be tested rather than assumed
 * (literature.md section 3): 200 Mb/s, latency below 100 ns, more than 0.99 bits of entropy per raw
 * bit, about 10 µJ per 10^6 bits (10 pJ/bit).
 */
public final class BriefClaims {
  public static final double RATE_BITS_PER_SECOND = 200e6;
  public static final double LATENCY_SECONDS = 100e-9;
  public static final double ENTROPY_PER_RAW_BIT = 0.99;
  public static final double ENERGY_PER_BIT_JOULES = 10e-12;

  private BriefClaims() {}
}
