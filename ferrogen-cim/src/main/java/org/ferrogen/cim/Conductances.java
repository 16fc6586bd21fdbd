package org.ferrogen.cim;

/**
 * Programmed conductances of a matrix's differential pairs, in siemens, as read (after programming
 * error, variation, stuck cells and retention; before IR drop). Entry (slice s, row r, column c) is at
 * {@code (s·rows + r)·cols + c}; a weight's value is proportional to {@code plus − minus}.
 */
public record Conductances(int rows, int cols, int slices, float[] plus, float[] minus) {

  public float plus(int slice, int row, int col) {
    return plus[(slice * rows + row) * cols + col];
  }

  public float minus(int slice, int row, int col) {
    return minus[(slice * rows + row) * cols + col];
  }
}
