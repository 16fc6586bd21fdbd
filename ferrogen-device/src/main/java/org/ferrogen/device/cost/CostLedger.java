package org.ferrogen.device.cost;

/**
 * Running total of an analog matrix's costs; thread-safe. Take {@link #snapshot()} before and after a
 * span of work and subtract to get that span's costs (e.g. energy per generated token).
 */
public final class CostLedger {

  private CostReport total = CostReport.zero();

  public synchronized void add(CostReport report) {
    total = total.plus(report);
  }

  public synchronized CostReport snapshot() {
    return total;
  }

  public synchronized void reset() {
    total = CostReport.zero();
  }
}
