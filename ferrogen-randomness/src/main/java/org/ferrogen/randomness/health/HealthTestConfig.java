package org.ferrogen.randomness.health;

/**
 * Configuration of the SP 800-90B continuous health tests for one noise source.
 *
 * @param bitsPerSample width of one raw sample, 1..8 (samples are the low bits of a byte or int)
 * @param claimedEntropy claimed min-entropy per sample H in bits, {@code 0 < H <= bitsPerSample}
 * @param alpha false-positive probability per test (SP 800-90B recommends 2^-20; between 2^-40 and 2^-20)
 * @param startupSamples number of samples the start-up test checks before output may be used (at least 1024)
 */
public record HealthTestConfig(int bitsPerSample, double claimedEntropy, double alpha, int startupSamples) {

    /** SP 800-90B section 4.3: start-up tests run over at least 1024 consecutive samples. */
    public static final int DEFAULT_STARTUP_SAMPLES = 1024;

    public HealthTestConfig {
        if (bitsPerSample < 1 || bitsPerSample > 8) {
            throw new IllegalArgumentException("bitsPerSample must be in 1..8, got " + bitsPerSample);
        }
        HealthCutoffs.checkEntropy(claimedEntropy);
        if (claimedEntropy > bitsPerSample) {
            throw new IllegalArgumentException("claimed entropy " + claimedEntropy + " exceeds bitsPerSample "
                    + bitsPerSample);
        }
        HealthCutoffs.checkAlpha(alpha);
        if (startupSamples < 1) {
            throw new IllegalArgumentException("startupSamples must be positive, got " + startupSamples);
        }
    }

    /** Configuration with alpha = 2^-20 and a 1024-sample start-up test. */
    public static HealthTestConfig of(int bitsPerSample, double claimedEntropy) {
        return new HealthTestConfig(bitsPerSample, claimedEntropy, HealthCutoffs.DEFAULT_ALPHA,
                DEFAULT_STARTUP_SAMPLES);
    }

    /** The same configuration with another false-positive probability. */
    public HealthTestConfig withAlpha(double newAlpha) {
        return new HealthTestConfig(bitsPerSample, claimedEntropy, newAlpha, startupSamples);
    }

    /** APT window: 1024 for binary samples, 512 otherwise. */
    public int window() {
        return HealthCutoffs.windowSize(bitsPerSample);
    }

    public int repetitionCountCutoff() {
        return HealthCutoffs.repetitionCountCutoff(claimedEntropy, alpha);
    }

    public int adaptiveProportionCutoff() {
        return HealthCutoffs.adaptiveProportionCutoff(window(), claimedEntropy, alpha);
    }
}
