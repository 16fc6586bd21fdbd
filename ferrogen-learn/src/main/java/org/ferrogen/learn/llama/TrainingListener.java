package org.ferrogen.learn.llama;

/** Receives each training-curve point as soon as its step is done (on the training thread). */
@FunctionalInterface
public interface TrainingListener {

    void onStep(LossPoint point);

    TrainingListener NONE = point -> { };
}
