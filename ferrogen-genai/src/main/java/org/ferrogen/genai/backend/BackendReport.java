package org.ferrogen.genai.backend;

/**
 * What a backend's multiplications cost.
 *
 * @param backend backend name
 * @param matrixVectorProducts number of single-vector products performed
 * @param multiplyAccumulates number of weight·input multiply-accumulates performed
 * @param weightBytesRead bytes of stored weights streamed (for the float backend's bandwidth figure)
 * @param energyJoules modelled energy, or NaN where the backend has no energy model
 * @param latencySeconds modelled hardware latency, or NaN where the backend has no latency model
 */
public record BackendReport(
    String backend,
    long matrixVectorProducts,
    long multiplyAccumulates,
    long weightBytesRead,
    double energyJoules,
    double latencySeconds) {}
