package org.ferrogen.device.cost;

/** Silicon area of an analog matrix by component, in square metres. */
public record AreaReport(double cellsSquareMetres, double adcsSquareMetres, double dacsSquareMetres, int tiles) {

  public double totalSquareMetres() {
    return cellsSquareMetres + adcsSquareMetres + dacsSquareMetres;
  }

  public double totalSquareMillimetres() {
    return totalSquareMetres() * 1e6;
  }
}
