package org.ferrogen.device.hybrid;

import java.util.random.RandomGenerator;
import org.ferrogen.device.memristor.MemristorArray;
import org.ferrogen.device.params.MemristorParams;

/**
 * Differential memristor pairs G+ − G− holding signed codes −L…L (L + 1 memristor levels, L = 7 for
 * the CEA device): code c > 0 programs G+ (RESET, then SET at the level's compliance current) and
 * keeps G− RESET, c < 0 the reverse, c = 0 leaves both RESET. A sign change RESETs the side that was
 * active. Not thread-safe.
 */
public final class DifferentialPairs {

  private final MemristorArray plus;
  private final MemristorArray minus;
  private final byte[] code;

  public DifferentialPairs(MemristorParams params, int size, RandomGenerator rng) {
    this.plus = new MemristorArray(params, size, rng);
    this.minus = new MemristorArray(params, size, rng);
    this.code = new byte[size];
  }

  public int size() {
    return code.length;
  }

  /** Programs pair {@code i} to signed code {@code c} with SET compliance {@code complianceA}. */
  public void program(int i, int c, double complianceA, RandomGenerator rng) {
    int side = Integer.signum(c);
    int was = Integer.signum(code[i]);
    if (was != 0 && was != side) {
      (was > 0 ? plus : minus).reset(i, rng);
    }
    if (side != 0) {
      MemristorArray target = side > 0 ? plus : minus;
      target.reset(i, rng);
      target.set(i, complianceA, rng);
    }
    code[i] = (byte) c;
  }

  /** Code pair {@code i} was last programmed to. */
  public int code(int i) {
    return code[i];
  }

  public double plus(int i) {
    return plus.conductance(i);
  }

  public double minus(int i) {
    return minus.conductance(i);
  }

  /** RESETs and SETs of both sides. */
  public long operations() {
    return plus.resets() + plus.sets() + minus.resets() + minus.sets();
  }

  /** Largest SET count of any device. */
  public int maxCycles() {
    return Math.max(plus.maxCycles(), minus.maxCycles());
  }

  /** Devices beyond their endurance. */
  public int beyondEndurance() {
    return plus.beyondEndurance() + minus.beyondEndurance();
  }

  /** Device-model energy of every RESET and SET, joules. */
  public double energyJoules() {
    return plus.energyJoules() + minus.energyJoules();
  }
}
