package org.ferrogen.randomness.conditioning;

/**
 * Entropy accounting of a vetted conditioning component, SP 800-90B section 3.1.5.1.2:
 * {@code h_out = Output_Entropy(n_in, n_out, nw, h_in)} with n = min(n_out, nw),
 * p_high = 2^-h_in, p_low = (1 - p_high) / (2^n_in - 1), psi = 2^(n_in - n) p_low + p_high,
 * U = 2^(n_in - n) + sqrt(2 n 2^(n_in - n) ln 2), omega = U p_low, h_out = -log2(max(psi, omega)).
 *
 * <p>The powers of two are far outside double range for realistic n_in, so the evaluation is rewritten
 * around 2^-n: max(psi, omega) = 2^-n · A, and A - 1 is computed from small terms directly so that
 * epsilon = 1 - h_out/n_out (which decides "full entropy") keeps its precision even when it is 2^-100.
 *
 * @param inputBits n_in
 * @param inputEntropy h_in in bits
 * @param outputBits n_out
 * @param narrowestWidth nw, the narrowest internal width of the conditioning function
 * @param outputEntropy h_out in bits
 * @param epsilonExponent -log2(epsilon) with epsilon = 1 - h_out / n_out
 */
public record ConditioningEntropy(long inputBits, double inputEntropy, int outputBits, int narrowestWidth,
                                  double outputEntropy, double epsilonExponent) {

    /**
     * Full-entropy threshold: -log2(epsilon) >= 64 (the value NIST's ea_conditioning reports against for
     * SP 800-90B; the SP 800-90C draft of 2021 uses 32).
     */
    public static final double FULL_ENTROPY_EXPONENT = 64.0;

    private static final double LN2 = Math.log(2.0);

    /** Whether the output counts as full entropy (epsilon <= 2^-64). */
    public boolean fullEntropy() {
        return epsilonExponent >= FULL_ENTROPY_EXPONENT;
    }

    /** Output_Entropy of SP 800-90B section 3.1.5.1.2 for the given parameters. */
    public static ConditioningEntropy of(long inputBits, double inputEntropy, int outputBits, int narrowestWidth) {
        if (inputBits < 1 || outputBits < 1 || narrowestWidth < 1) {
            throw new IllegalArgumentException("n_in, n_out and nw must be positive, got n_in=" + inputBits
                    + ", n_out=" + outputBits + ", nw=" + narrowestWidth);
        }
        if (!(inputEntropy > 0.0) || inputEntropy > inputBits) {
            throw new IllegalArgumentException("h_in must lie in (0, n_in=" + inputBits + "], got " + inputEntropy);
        }
        int n = Math.min(outputBits, narrowestWidth);
        if (inputBits < n) {
            // 2^(n_in - n) < 1: the input space is smaller than the output; the formula still applies
            // but without the large-n_in rewriting; evaluate it directly (all values are in range).
            return direct(inputBits, inputEntropy, outputBits, narrowestWidth, n);
        }
        double pHigh = Math.pow(2.0, -inputEntropy);
        double oneMinusPHigh = -Math.expm1(-inputEntropy * LN2);
        double twoToMinusNin = Math.pow(2.0, -(double) inputBits);
        double denominator = 1.0 - twoToMinusNin; // (2^n_in - 1) / 2^n_in
        // psi · 2^n = (1 - p_high)/(1 - 2^-n_in) + p_high 2^n
        double pHighTimes2n = Math.pow(2.0, n - inputEntropy);
        double psiExcess = (twoToMinusNin - pHigh) / denominator + pHighTimes2n;
        // omega · 2^n = (1 + s)(1 - p_high)/(1 - 2^-n_in), s = sqrt(2 n ln2) 2^(-(n_in - n)/2)
        double s = Math.sqrt(2.0 * n * LN2) * Math.pow(2.0, -(inputBits - n) / 2.0);
        double omegaExcess = (s * oneMinusPHigh - pHigh + twoToMinusNin) / denominator;
        double excess = Math.max(psiExcess, omegaExcess); // A - 1
        double log2A = Math.log1p(excess) / LN2;
        double outputEntropy = n - log2A;
        // epsilon = 1 - h_out/n_out = (n_out - n + log2 A) / n_out
        double epsilon = (outputBits - n + log2A) / outputBits;
        return new ConditioningEntropy(inputBits, inputEntropy, outputBits, narrowestWidth,
                Math.min(outputEntropy, inputEntropy), -Math.log(epsilon) / LN2);
    }

    private static ConditioningEntropy direct(long inputBits, double inputEntropy, int outputBits, int narrowestWidth,
                                              int n) {
        double pHigh = Math.pow(2.0, -inputEntropy);
        double pLow = (1.0 - pHigh) / (Math.pow(2.0, inputBits) - 1.0);
        double power = Math.pow(2.0, inputBits - n);
        double psi = power * pLow + pHigh;
        double omega = (power + Math.sqrt(2.0 * n * power * LN2)) * pLow;
        double outputEntropy = Math.min(-Math.log(Math.max(psi, omega)) / LN2, inputEntropy);
        double epsilon = 1.0 - outputEntropy / outputBits;
        return new ConditioningEntropy(inputBits, inputEntropy, outputBits, narrowestWidth, outputEntropy,
                -Math.log(epsilon) / LN2);
    }
}
