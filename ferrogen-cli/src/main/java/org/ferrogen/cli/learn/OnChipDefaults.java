package org.ferrogen.cli.learn;

/** Defaults of the training commands, chosen by the measurements in docs/learn.md. */
public final class OnChipDefaults {
  /** Learning rate of the online SGD (see docs/learn.md for the sweep that chose it). */
  public static final float LEARNING_RATE = 0.01f;
  /** Largest hidden weight in He standard deviations (ASSUMPTION, see OnChipConfig). */
  public static final double WEIGHT_RANGE = 4;

  private OnChipDefaults() {}
}
