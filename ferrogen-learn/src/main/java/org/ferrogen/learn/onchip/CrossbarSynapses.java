package org.ferrogen.learn.onchip;

import org.ferrogen.cim.AnalogMatrix;

/**
 * What the synapse technologies read through memristor pairs share ({@link HybridMatrix}, {@link
 * PulsedMatrix}): forward and backward passes are reads of one {@link MemristorCrossbar}, and the
 * wear reported is that of training, the initial programming of the weights left out.
 */
abstract class CrossbarSynapses implements SynapticMatrix {

  final int rows;
  final int cols;
  final MemristorCrossbar crossbar;
  /** {@link #totalWear()} once the initial weights were programmed; null until then. */
  private Wear programmed;

  CrossbarSynapses(int rows, int cols, MemristorCrossbar crossbar) {
    this.rows = rows;
    this.cols = cols;
    this.crossbar = crossbar;
  }

  /** Writes, cycles and energy since the devices were made, initial programming included. */
  abstract Wear totalWear();

  /** Marks the end of the initial programming: {@link #wear()} counts from here. */
  final void initialProgrammingDone() {
    programmed = totalWear();
  }

  @Override
  public final int rows() {
    return rows;
  }

  @Override
  public final int cols() {
    return cols;
  }

  @Override
  public final void forward(float[] x, float[] y) {
    crossbar.multiply(x, y);
  }

  @Override
  public final void backward(float[] d, float[] gx) {
    crossbar.multiplyTransposed(d, gx);
  }

  @Override
  public final AnalogMatrix reads() {
    return crossbar;
  }

  /** Writes and energy of training: the initial programming of the weights is left out. */
  @Override
  public final Wear wear() {
    return totalWear().since(programmed);
  }
}
