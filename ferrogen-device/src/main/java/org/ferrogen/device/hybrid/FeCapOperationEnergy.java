package org.ferrogen.device.hybrid;

import java.util.SplittableRandom;
import org.ferrogen.device.fecap.FeCap;
import org.ferrogen.device.params.DeviceParams;

/**
 * Energies of the FeCAP operations a hybrid synapse performs, taken from the device model
 * ({@link FeCap#read()} and {@link FeCap#write(boolean)} on woken-up devices of the parameter set),
 * for capacitors of 1, 2 and 4 unit areas (the 1T-1C, 1T-2C and 1T-4C cells of Martemucci et al.,
 * Nature Electronics 8, 921, 2025).
 *
 * @param readZeroJ destructive read of a cell storing 0 (no switching, nothing to write back), per
 *     area index 0, 1, 2 = 1, 2, 4 units
 * @param readOneJ destructive read of a cell storing 1, write-back included
 * @param writeFlipJ a write that switches the cell
 */
public record FeCapOperationEnergy(double[] readZeroJ, double[] readOneJ, double[] writeFlipJ) {

  /** Devices simulated per area and operation. */
  private static final int DEVICES = 4;

  /** Simulates the operations on woken-up devices of {@code params} (deterministic seeds). */
  public static FeCapOperationEnergy of(DeviceParams params) {
    double[] r0 = new double[3];
    double[] r1 = new double[3];
    double[] w = new double[3];
    // Ten wake-up constants: the arrays are woken up, as the CEA arrays are after 1,000 cycles.
    long wakeUp = (long) Math.ceil(10 * params.ageing().wakeUpCycles());
    for (int a = 0; a < 3; a++) {
      DeviceParams sized = params.withArea(params.film().areaM2() * (1 << a));
      for (int d = 0; d < DEVICES; d++) {
        FeCap cap = new FeCap(sized, new SplittableRandom(0x5EED_FECAL + 31L * a + d));
        cap.addCycles(wakeUp);
        cap.write(false);
        w[a] += cap.write(true) / DEVICES;
        r1[a] += cap.read().energy().total() / DEVICES;
        cap.write(false);
        r0[a] += cap.read().energy().total() / DEVICES;
      }
    }
    return new FeCapOperationEnergy(r0, r1, w);
  }

  /** Area index (0, 1, 2) of a cell of {@code units} unit capacitors (1, 2 or 4). */
  static int areaIndex(int units) {
    return Integer.numberOfTrailingZeros(units);
  }
}
