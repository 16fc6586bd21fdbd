package org.ferrogen.randomness.conditioning;

/**
 * Entropy accounting of a vetted conditioning component, NIST SP 800-90B section 3.1.5.1.2:
 *
 * <pre>
 *   P_high = 2^-h_in,  P_low = (1 - P_high) / (2^n_in - 1),  n = min(n_out, nw)
 *   psi    = 2^(n_in - n) P_low + P_high
 *   U      = 2^(n_in - n) + sqrt(2 n 2^(n_in - n) ln 2),   omega = U P_low
 *   h_out  = -log2(max(psi, omega))
 * </pre>
 *
 * Evaluated in logarithms relative to 2^-n, so that inputs of thousands of bits neither overflow
 * nor lose the tiny deficit {@code n - h_out} that decides "full entropy" (psi and omega are capped
 * at 1, as NIST's {@code ea_conditioning} does).
 *
 * @param inputBits n_in, bits entering the conditioner
 * @param outputBits n_out
 * @param narrowestWidth nw, the narrowest internal width (256 for SHA-256)
 * @param inputEntropy h_in, min-entropy of the input in bits
 * @param outputEntropy h_out
 * @param epsilonExponent -log2(ε) with ε = 1 - h_out/n_out; full entropy in the sense of SP 800-90B
 *     (2018) section 3.1.5 and 90C needs ε ≤ 2^-64, i.e. this ≥ 64 (infinite when h_out = n_out)
 */
public record OutputEntropy(
    long inputBits,
    int outputBits,
    int narrowestWidth,
    double inputEntropy,
    double outputEntropy,
    double epsilonExponent) {

  /** The ε exponent SP 800-90B/90C require for a "full entropy" output: ε ≤ 2^-64. */
  public static final double FULL_ENTROPY_EPSILON_EXPONENT = 64.0;

  private static final double LN2 = Math.log(2.0);

  /** Evaluates the section 3.1.5.1.2 formula. */
  public static OutputEntropy of(long nIn, int nOut, int nw, double hIn) {
    if (nIn < 1 || nOut < 1 || nw < 1) {
      throw new IllegalArgumentException(
          "n_in, n_out and nw must be positive, got " + nIn + ", " + nOut + ", " + nw);
    }
    if (!(hIn > 0 && hIn <= nIn)) {
      throw new IllegalArgumentException("h_in must be in (0, n_in=" + nIn + "], got " + hIn);
    }
    int n = Math.min(nOut, nw);
    double k = (double) nIn - n;
    // ln(1 - P_high) exactly even when h_in is tiny, and ln(1 - 2^-n_in).
    double lnOneMinusPHigh = Math.log(-Math.expm1(-hIn * LN2));
    double lnOneMinusInvSpace = Math.log1p(-Math.pow(2.0, -(double) nIn));
    // 2^n_in * P_low = (1 - P_high) / (1 - 2^-n_in)
    double lnScaledPLow = lnOneMinusPHigh - lnOneMinusInvSpace;
    // ln(2^n psi) = ln(2^n_in P_low + 2^(n - h_in))
    double lnScaledPsi = logAddExp(lnScaledPLow, (n - hIn) * LN2);
    // ln(2^n omega) = ln(2^n_in P_low) + ln(1 + sqrt(2 n ln2) 2^(-k/2))
    double lnScaledOmega = lnScaledPLow + Math.log1p(Math.sqrt(2.0 * n * LN2) * Math.pow(2.0, -k / 2.0));
    // psi and omega are probabilities: cap at 1, i.e. the scaled logs at n ln 2.
    double deficit = Math.min(Math.max(lnScaledPsi, lnScaledOmega), n * LN2) / LN2;
    deficit = Math.max(deficit, 0.0);
    double hOut = n - deficit;
    double shortfall = (nOut - n) + deficit;
    double epsilonExponent =
        shortfall <= 0 ? Double.POSITIVE_INFINITY : -(Math.log(shortfall / nOut) / LN2);
    return new OutputEntropy(nIn, nOut, nw, hIn, hOut, epsilonExponent);
  }

  /** Whether the output counts as full entropy (ε ≤ 2^-64) and h_in ≥ n_out + 64 (SP 800-90C). */
  public boolean fullEntropy() {
    return epsilonExponent >= FULL_ENTROPY_EPSILON_EXPONENT
        && inputEntropy >= outputBits + FULL_ENTROPY_EPSILON_EXPONENT;
  }

  private static double logAddExp(double a, double b) {
    double max = Math.max(a, b);
    double min = Math.min(a, b);
    return max + Math.log1p(Math.exp(min - max));
  }
}
