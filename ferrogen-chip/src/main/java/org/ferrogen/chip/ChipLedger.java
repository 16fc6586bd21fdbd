package org.ferrogen.chip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.ferrogen.cim.AnalogMatrix;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostLedger;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.device.cost.TechnologyNode;

/**
 * The chip's one energy, latency and area account, on the chip's one technology node: the matrix
 * products and their conversions and buffers (each matrix's own running ledger), programming, the
 * digital units ({@link #chargeDigital}) and the TRNG (each generator's consumed bits, read when a
 * snapshot is taken). Take {@link #snapshot()} before and after a span of work and subtract.
 * Thread-safe.
 */
public final class ChipLedger {

  private final TechnologyNode node;
  private final double expMultiplyAdds;
  private final double divideMultiplyAdds;
  private final CostLedger own = new CostLedger();
  private final List<AnalogMatrix> matrices = new CopyOnWriteArrayList<>();
  private final List<Supplier<CostReport>> meters = new CopyOnWriteArrayList<>();

  ChipLedger(TechnologyNode node, double expMultiplyAdds, double divideMultiplyAdds) {
    this.node = node;
    this.expMultiplyAdds = expMultiplyAdds;
    this.divideMultiplyAdds = divideMultiplyAdds;
  }

  void track(AnalogMatrix matrix) {
    matrices.add(matrix);
  }

  void meter(Supplier<CostReport> meter) {
    meters.add(meter);
  }

  /** The technology every figure of this ledger is computed for. */
  public TechnologyNode technology() {
    return node;
  }

  /** Charges {@code joules} and {@code seconds} of latency to {@code category}. */
  public void charge(CostCategory category, double joules, double seconds) {
    if (!(joules >= 0) || !(seconds >= 0) || Double.isInfinite(joules) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(
          "charge to " + category + ": energy and latency must be finite and >= 0, got " + joules + " J, " + seconds + " s");
    }
    own.add(CostReport.of(category, joules, seconds));
  }

  /**
   * Charges work of the digital units (attention, norms, softmax, activations, sampling) at the
   * technology's fp32 energies (Horowitz, ISSCC 2014, scaled by feature size × V²), with exponentials
   * and divides counted as the spec's multiply-add equivalents, plus SRAM traffic in bits.
   */
  public void chargeDigital(double multiplyAdds, double exponentials, double divides, double sramBits) {
    double ma = multiplyAdds + exponentials * expMultiplyAdds + divides * divideMultiplyAdds;
    if (!(ma >= 0) || !(sramBits >= 0)) {
      throw new IllegalArgumentException("digital work must be >= 0, got " + ma + " multiply-adds, " + sramBits + " bits");
    }
    own.add(CostReport.of(CostCategory.DIGITAL, ma * node.floatMultiplyAddJoules(), 0));
    own.add(CostReport.of(CostCategory.BUFFER, sramBits * node.sramEnergyPerBitJoules(), 0));
  }

  /** Everything charged so far: matrices, programming, digital units, buffers and the TRNG. */
  public CostReport snapshot() {
    CostReport sum = own.snapshot();
    for (AnalogMatrix m : matrices) {
      sum = sum.plus(m.ledger().snapshot());
    }
    for (Supplier<CostReport> meter : meters) {
      sum = sum.plus(meter.get());
    }
    return sum;
  }

  /** Silicon area of the compute tiles in use. */
  public AreaReport area() {
    double cells = 0;
    double adcs = 0;
    double dacs = 0;
    int tiles = 0;
    for (AnalogMatrix m : matrices) {
      AreaReport a = m.area();
      cells += a.cellsSquareMetres();
      adcs += a.adcsSquareMetres();
      dacs += a.dacsSquareMetres();
      tiles += a.tiles();
    }
    return new AreaReport(cells, adcs, dacs, tiles);
  }
}
