package org.ferrogen.device.fecap;

/**
 * Outcome of a destructive FeCAP read.
 *
 * @param bit the sense amplifier's decision (true: the cell switched, i.e. it stored the state
 *     opposite to the read pulse)
 * @param bitLineVolts bit-line voltage after charge sharing
 * @param referenceVolts the sense amplifier's reference (midway between the nominal 0 and 1
 *     levels)
 * @param switchedChargeC polarization charge that switched during the read
 * @param energy energy by component
 */
public record ReadResult(
    boolean bit, double bitLineVolts, double referenceVolts, double switchedChargeC, ReadEnergy energy) {}
