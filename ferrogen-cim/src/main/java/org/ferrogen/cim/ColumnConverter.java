package org.ferrogen.cim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-column ADCs of a tile, a vector of columns at a time: adds each column's read noise
 * (σ·z from the exact column variance and a standard normal), converts to a signed mid-rise code with
 * offset, bow-shaped integral non-linearity and saturation, and shift-adds the code into the
 * digital accumulator. Column sums arrive in single precision from the product kernel; everything
 * after that is double precision, as in a scalar implementation. The widening is a scalar loop: a
 * second, narrower float vector species in the same JVM makes the Vector API's shared call sites
 * polymorphic, and the product kernel then ran forty times slower (measured, JDK 17).
 */
final class ColumnConverter {

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;
  /** Adding and subtracting 2^52 rounds a double in [0, 2^52) to the nearest integer. */
  private static final double ROUNDING_SHIFT = 0x1.0p52;

  /** Half the number of ADC codes: code 0 sits at −halfCodes LSB. */
  final double halfCodes;
  private final double top;
  private final double inlLsb;

  ColumnConverter(int bits, double inlLsb) {
    this.halfCodes = Math.scalb(1.0, bits - 1);
    this.top = 2 * halfCodes - 0.5;
    this.inlLsb = inlLsb;
  }

  /** Lanes per step; the panel width handed to {@link #convert} must be a multiple of it. */
  static int lanes() {
    return LANES.length();
  }

  /**
   * Converts {@code n} column sums {@code mean[j]}, laid out as rows of {@code width} columns, and
   * adds {@code step[k]·(code − halfCodes + ½)} to {@code acc[j]} (k = j mod width). With
   * {@code variance} non-null, {@code √(variance[j] + lineVariance)·normals[j]} is added to each sum
   * first ({@code lineVariance}: the input-independent part of every column's read-noise variance).
   * {@code inverseLsb}, {@code offsetLsb} and {@code step} hold one value per column; {@code wide}
   * and {@code wideVariance} ({@code n} values each) are working space.
   */
  void convert(
      float[] mean,
      float[] variance,
      double[] normals,
      double lineVariance,
      double[] wide,
      double[] wideVariance,
      int n,
      int width,
      double[] inverseLsb,
      double[] offsetLsb,
      double[] step,
      double[] acc) {
    int lanes = LANES.length();
    for (int j = 0; j < n; j++) {
      wide[j] = mean[j];
    }
    if (variance != null) {
      for (int j = 0; j < n; j++) {
        wideVariance[j] = variance[j];
      }
    }
    for (int row = 0; row < n; row += width) {
      for (int k = 0; k < width; k += lanes) {
        int j = row + k;
        DoubleVector sum = DoubleVector.fromArray(LANES, wide, j);
        if (variance != null) {
          // Each variance is a sum of non-negative products, never negative.
          sum = DoubleVector.fromArray(LANES, wideVariance, j).add(lineVariance).lanewise(VectorOperators.SQRT).fma(DoubleVector.fromArray(LANES, normals, j), sum);
        }
        DoubleVector lsb = sum.mul(DoubleVector.fromArray(LANES, inverseLsb, k));
        // ADC input in LSB, shifted so that code 0 is the bottom of the range.
        DoubleVector v = lsb.add(halfCodes).add(DoubleVector.fromArray(LANES, offsetLsb, k));
        if (inlLsb != 0) {
          DoubleVector x = lsb.div(halfCodes).max(-1.0).min(1.0);
          // Bow-shaped integral non-linearity: zero at both ends of the range, peak mid-scale.
          v = v.add(x.mul(x).neg().add(1.0).mul(inlLsb));
        }
        // Saturate, then truncate: the floor of v ∈ [0, 2^52) is its nearest integer, less one where
        // that rounded up.
        v = v.max(0.0).min(top);
        DoubleVector nearest = v.add(ROUNDING_SHIFT).sub(ROUNDING_SHIFT);
        DoubleVector code = nearest.sub(1.0, nearest.compare(VectorOperators.GT, v));
        DoubleVector.fromArray(LANES, step, k)
            .fma(code.sub(halfCodes - 0.5), DoubleVector.fromArray(LANES, acc, j))
            .intoArray(acc, j);
      }
    }
  }
}
