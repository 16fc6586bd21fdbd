package org.ferrogen.learn.optim;

/**
 * Learning rate with linear warm-up then cosine decay: steps {@code 0..warmup−1} ramp linearly to
 * {@code peak} (step {@code s} gets {@code peak·(s+1)/warmup}); afterwards the rate follows half a cosine from
 * {@code peak} down to {@code floor} at step {@code totalSteps − 1}.
 */
public record CosineSchedule(float peak, float floor, int warmupSteps, int totalSteps) {

    public CosineSchedule {
        if (!(peak > 0) || !(floor >= 0) || floor > peak || warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("invalid schedule peak=" + peak + " floor=" + floor
                    + " warmup=" + warmupSteps + " total=" + totalSteps);
        }
    }

    /** Learning rate of step {@code step} (0-based). */
    public float rate(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        int decaySteps = totalSteps - warmupSteps;
        if (decaySteps <= 1) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (decaySteps - 1));
        return (float) (floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress)));
    }
}
