package org.ferrogen.randomness.health;

/**
 * Cutoff values of the SP 800-90B section 4.4 continuous health tests.
 *
 * <p>Repetition Count Test: {@code C = 1 + ceil(-log2(alpha) / H)} (SP 800-90B section 4.4.1).
 * Adaptive Proportion Test: {@code C = 1 + CRITBINOM(W, 2^-H, 1 - alpha)} (section 4.4.2), where
 * CRITBINOM(n, p, q) is the smallest k with {@code P(X <= k) >= q} for X ~ Binomial(n, p). The
 * binomial tail is evaluated exactly (in log space, summed from the top so that tails near 2^-40
 * keep full relative precision).
 */
public final class HealthCutoffs {

    /** Default false-positive probability of SP 800-90B section 4.4: alpha = 2^-20. */
    public static final double DEFAULT_ALPHA = 0x1p-20;

    /** APT window for binary sources (SP 800-90B section 4.4.2). */
    public static final int BINARY_WINDOW = 1024;

    /** APT window for non-binary sources (SP 800-90B section 4.4.2). */
    public static final int NON_BINARY_WINDOW = 512;

    /** Rounding slack so that exact quotients such as 20 / 1 are not pushed up by floating error. */
    private static final double CEIL_TOLERANCE = 1e-9;

    private HealthCutoffs() {
    }

    /** The APT window size prescribed for samples of {@code bitsPerSample} bits. */
    public static int windowSize(int bitsPerSample) {
        return bitsPerSample == 1 ? BINARY_WINDOW : NON_BINARY_WINDOW;
    }

    /**
     * Repetition Count Test cutoff {@code C = 1 + ceil(-log2(alpha) / H)}.
     *
     * @param claimedEntropy claimed min-entropy per sample H, in bits, {@code 0 < H}
     * @param alpha false-positive probability, {@code 0 < alpha < 1}
     */
    public static int repetitionCountCutoff(double claimedEntropy, double alpha) {
        checkEntropy(claimedEntropy);
        checkAlpha(alpha);
        double ratio = -log2(alpha) / claimedEntropy;
        double cutoff = 1 + Math.ceil(ratio - CEIL_TOLERANCE);
        if (cutoff > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("repetition count cutoff overflows for H=" + claimedEntropy
                    + ", alpha=" + alpha);
        }
        return (int) cutoff;
    }

    /**
     * Adaptive Proportion Test cutoff {@code C = 1 + CRITBINOM(W, 2^-H, 1 - alpha)}.
     *
     * @param window window size W
     * @param claimedEntropy claimed min-entropy per sample H, in bits
     * @param alpha false-positive probability
     */
    public static int adaptiveProportionCutoff(int window, double claimedEntropy, double alpha) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        checkEntropy(claimedEntropy);
        checkAlpha(alpha);
        double p = Math.pow(2.0, -claimedEntropy);
        return 1 + criticalBinomial(window, p, alpha);
    }

    /**
     * Exact probability that one APT window of an ideal source (every sample takes the reference value
     * with probability 2^-H) raises a false alarm: the reference counts itself, so the alarm needs C - 1
     * matches among the other W - 1 samples, {@code P(Binomial(W - 1, 2^-H) >= C - 1)}. Because of that
     * and of the discreteness of C this differs from alpha (e.g. 1.28 alpha for W = 512, H = 8,
     * alpha = 2^-20; 1.01 alpha for W = 1024, H = 1).
     */
    public static double adaptiveProportionWindowAlarmProbability(int window, double claimedEntropy, int cutoff) {
        checkEntropy(claimedEntropy);
        return binomialUpperTail(window - 1, Math.pow(2.0, -claimedEntropy), cutoff - 1);
    }

    /**
     * Long-run RCT alarm rate per sample on an ideal source whose consecutive samples are equal with
     * probability r = 2^-H, when the run restarts after each alarm: one alarm per renewal cycle of
     * 1 + E[T] samples, where E[T] = (1 - r^(C-1)) / ((1 - r) r^(C-1)) is the expected wait for C - 1
     * consecutive repeats.
     */
    public static double repetitionCountAlarmRate(double claimedEntropy, int cutoff) {
        checkEntropy(claimedEntropy);
        double repeat = Math.pow(2.0, -claimedEntropy);
        return 1.0 / (1.0 + expectedRepeatWait(repeat, cutoff));
    }

    /**
     * Expected number of further samples until a source whose samples repeat the previous one with
     * probability {@code repeatProbability} shows C - 1 consecutive repeats (the RCT detection delay
     * after the first sample).
     */
    public static double expectedRepeatWait(double repeatProbability, int cutoff) {
        if (!(repeatProbability > 0.0 && repeatProbability < 1.0)) {
            throw new IllegalArgumentException("repeat probability must lie in (0, 1), got " + repeatProbability);
        }
        double allRepeat = Math.pow(repeatProbability, cutoff - 1);
        return (1 - allRepeat) / ((1 - repeatProbability) * allRepeat);
    }

    /**
     * Smallest k with {@code P(X > k) <= upperTail} for X ~ Binomial(n, p): CRITBINOM(n, p, 1 - upperTail).
     */
    static int criticalBinomial(int n, double p, double upperTail) {
        double[] logPmf = binomialLogPmf(n, p);
        // Walk down from k = n accumulating P(X > k); stop at the first k where the tail exceeds the bound.
        double tail = 0.0;
        for (int k = n; k >= 0; k--) {
            // tail currently holds P(X > k)
            if (tail > upperTail) {
                return k + 1;
            }
            tail += Math.exp(logPmf[k]);
        }
        return 0;
    }

    /**
     * Exact probability {@code P(X >= c)} for X ~ Binomial(n, p).
     */
    public static double binomialUpperTail(int n, double p, int c) {
        if (c <= 0) {
            return 1.0;
        }
        if (c > n) {
            return 0.0;
        }
        double[] logPmf = binomialLogPmf(n, p);
        double tail = 0.0;
        for (int k = n; k >= c; k--) {
            tail += Math.exp(logPmf[k]);
        }
        return Math.min(1.0, tail);
    }

    private static double[] binomialLogPmf(int n, double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("binomial p must lie in (0, 1), got " + p);
        }
        double[] logPmf = new double[n + 1];
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logChoose = 0.0; // log C(n, k), built up incrementally
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logChoose += Math.log((double) (n - k + 1) / k);
            }
            logPmf[k] = logChoose + k * logP + (n - k) * logQ;
        }
        return logPmf;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    static void checkEntropy(double claimedEntropy) {
        if (!(claimedEntropy > 0.0) || Double.isInfinite(claimedEntropy)) {
            throw new IllegalArgumentException("claimed entropy per sample must be > 0 bits, got " + claimedEntropy);
        }
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("false-positive probability alpha must lie in (0, 1), got " + alpha);
        }
    }
}
