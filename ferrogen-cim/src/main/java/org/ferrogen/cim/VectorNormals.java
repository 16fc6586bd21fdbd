package org.ferrogen.cim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * Standard normal deviates a vector at a time: one SplitMix64 stream per lane (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014, the generator behind
 * {@link java.util.SplittableRandom}) feeding the Box–Muller transform (Box and Muller, Ann. Math.
 * Statist. 29, 610, 1958), which turns two independent uniforms into two independent exact standard
 * normals: r = √(−2 ln u₁), z = r·cos 2πu₂, r·sin 2πu₂. The uniforms carry 52 random bits, so the
 * largest |z| is √(2·52·ln 2) ≈ 8.5, a tail cut-off with probability below 10⁻¹⁶ per draw. Lane
 * streams start at independently mixed states of one 2⁶⁴-long sequence; for any feasible number of
 * draws their overlap probability is negligible. Not thread-safe: one instance per work unit.
 */
final class VectorNormals {

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Long> LONG_LANES = LongVector.SPECIES_256;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  /** Exponent bits of 1.0: OR-ed onto 52 random mantissa bits they give a uniform double in [1, 2). */
  private static final long ONE_BITS = 0x3FF0000000000000L;

  private final long[] state = new long[LONG_LANES.length()];

  VectorNormals(long seed) {
    for (int lane = 0; lane < state.length; lane++) {
      state[lane] = StreamSeeds.derive(seed, StreamSeeds.NORMAL_LANES, lane);
    }
  }

  /** How many deviates one step produces; {@link #fill} writes a multiple of it. */
  static int chunk() {
    return 2 * LANES.length();
  }

  /** Writes standard normals into {@code out[0, n)} rounded up to a multiple of {@link #chunk()}. */
  void fill(double[] out, int n) {
    int lanes = LANES.length();
    LongVector s = LongVector.fromArray(LONG_LANES, state, 0);
    for (int j = 0; j < n; j += 2 * lanes) {
      s = s.add(GOLDEN_GAMMA);
      // u1 in (0, 1]: 2 − [1, 2); the logarithm never sees 0.
      DoubleVector u1 = uniformOneToTwo(s).neg().add(2.0);
      s = s.add(GOLDEN_GAMMA);
      DoubleVector angle = uniformOneToTwo(s).sub(1.0).mul(2 * Math.PI);
      DoubleVector r = u1.lanewise(VectorOperators.LOG).mul(-2.0).lanewise(VectorOperators.SQRT);
      r.mul(angle.lanewise(VectorOperators.COS)).intoArray(out, j);
      r.mul(angle.lanewise(VectorOperators.SIN)).intoArray(out, j + lanes);
    }
    s.intoArray(state, 0);
  }

  /** SplitMix64's output function of each lane's state, as a uniform double in [1, 2). */
  private static DoubleVector uniformOneToTwo(LongVector s) {
    LongVector z = s.lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
    z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
    z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    return z.lanewise(VectorOperators.LSHR, 12).lanewise(VectorOperators.OR, ONE_BITS).reinterpretAsDoubles();
  }
}
