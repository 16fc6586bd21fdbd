package org.ferrogen.learn;

import java.util.function.DoubleSupplier;

/** Central finite differences against analytic gradients. */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Relative error {@code ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)} where {@code numeric[i]} is the
     * central difference of {@code loss} when {@code values[i]} moves by {@code ±step}.
     */
    public static double relativeError(float[] values, float[] analytic, DoubleSupplier loss, float step) {
        double diff = 0;
        double normA = 0;
        double normN = 0;
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = saved + step;
            double plus = loss.getAsDouble();
            values[i] = saved - step;
            double minus = loss.getAsDouble();
            values[i] = saved;
            double numeric = (plus - minus) / (2.0 * step);
            diff += (analytic[i] - numeric) * (analytic[i] - numeric);
            normA += (double) analytic[i] * analytic[i];
            normN += numeric * numeric;
        }
        double scale = Math.sqrt(normA) + Math.sqrt(normN);
        if (scale == 0) {
            throw new AssertionError("both gradients are zero: the check would prove nothing");
        }
        return Math.sqrt(diff) / scale;
    }

    /** Normal(0, std) values from a seeded generator. */
    public static float[] gaussian(java.util.SplittableRandom random, int count, double std) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    /** {@code Σ r[i]·y[i]} in double. */
    public static double weightedSum(float[] r, float[] y) {
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += (double) r[i] * y[i];
        }
        return sum;
    }
}
