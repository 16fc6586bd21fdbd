package org.ferrogen.learn.onchip;

/** Progress of an on-chip training run (called on the training thread). */
public interface TrainingListener {

  /** After each block of samples: samples done so far (all epochs) and the epoch's running accuracy. */
  default void progress(long samplesDone, long samplesTotal, double runningAccuracy) {}

  /** After each epoch's test evaluation. */
  default void epoch(EpochResult result) {}
}
