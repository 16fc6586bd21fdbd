package org.ferrogen.device.seed;

/**
 * The one place where random streams are derived: a stream's seed is a hash of its parent seed and
 * the coordinates that name it (chip seed → region → matrix → purpose → call → work unit), never a
 * sum. Each coordinate is absorbed by xor followed by the SplitMix64 finaliser (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the mixing constants are
 * Stafford's variant 13), which is a bijection of 64-bit words. Two derivations from the same parent
 * with the same number of coordinates therefore differ whenever their first coordinates differ, and
 * later coordinates can only collide by a 2^-64 accident; adding offsets, as in {@code s + G·(k+1)},
 * lets matrix k at call c meet matrix k+1 at call c−1.
 */
public final class StreamSeeds {

  /** Purpose tags, so streams of different roles under the same coordinates never coincide. */
  public static final long DEVICE_VARIATION = 0x0DE7_1CE5L;
  public static final long PROGRAMMING = 0x9A0C_7A3EL;
  public static final long READ_NOISE = 0x4EAD_0015EL;
  public static final long ADC_OFFSET = 0x0ADC_0FF5L;
  public static final long NORMAL_LANES = 0x6A09_E667_F3BC_C909L;
  public static final long MATRIX = 0x3A7_1C35L;
  public static final long REGION = 0x4E_6101L;
  public static final long TRNG = 0x7246_0001L;
  public static final long AGEING = 0xA6E1_0006L;

  private StreamSeeds() {}

  /** The seed of the stream named by {@code coordinates} under {@code parent}. */
  public static long derive(long parent, long... coordinates) {
    long z = start(parent);
    for (long c : coordinates) {
      z = absorb(z, c);
    }
    return z;
  }

  /** One coordinate (the fixed-arity forms avoid the varargs array on hot paths). */
  public static long derive(long parent, long a) {
    return absorb(start(parent), a);
  }

  /** Two coordinates; equal to {@code derive(parent, new long[] {a, b})}. */
  public static long derive(long parent, long a, long b) {
    return absorb(absorb(start(parent), a), b);
  }

  /** Three coordinates; equal to {@code derive(parent, new long[] {a, b, c})}. */
  public static long derive(long parent, long a, long b, long c) {
    return absorb(absorb(absorb(start(parent), a), b), c);
  }

  /**
   * A named stream ({@code "chip"}, {@code "sample-3"}): the name enters as its 64-bit FNV-1a hash of
   * UTF-8 bytes (Fowler, Noll and Vo), then is absorbed like any coordinate.
   */
  public static long derive(long parent, String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return derive(parent, h);
  }

  private static long start(long parent) {
    return finalise(parent ^ 0x9E3779B97F4A7C15L);
  }

  /** For a fixed state a bijection of the coordinate, and for a fixed coordinate one of the state. */
  private static long absorb(long state, long coordinate) {
    return finalise(state ^ finalise(coordinate + 0xD1B54A32D192ED03L));
  }

  /** The SplitMix64 finaliser (Stafford variant 13): a bijection with full avalanche. */
  static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
