package org.ferrogen.randomness.health;

/** The continuous health tests of SP 800-90B section 4.4. */
public enum HealthTestKind {
    /** Repetition Count Test, section 4.4.1. */
    REPETITION_COUNT,
    /** Adaptive Proportion Test, section 4.4.2. */
    ADAPTIVE_PROPORTION
}
