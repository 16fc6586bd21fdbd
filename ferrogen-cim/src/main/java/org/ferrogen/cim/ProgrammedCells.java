package org.ferrogen.cim;

import java.util.Objects;

/**
 * What a programmed {@link TiledAnalogMatrix} keeps in its cells and registers: the conductances,
 * each output's digital weight scale and each forward ADC's full scale, indexed
 * {@code (rowTile·slices + slice)·rows + row}.
 */
public record ProgrammedCells(float[] outputScale, Conductances conductances, float[] adcFullScale) {
  public ProgrammedCells {
    Objects.requireNonNull(outputScale, "outputScale");
    Objects.requireNonNull(conductances, "conductances");
    Objects.requireNonNull(adcFullScale, "adcFullScale");
  }
}
