package org.ferrogen.randomness.sp80090b;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one SP 800-90B section 6.3 estimator on one view of the data.
 *
 * @param name estimator name as NIST's tool prints it (e.g. "Most Common Value", "LZ78Y Prediction")
 * @param domain the data view it ran on
 * @param minEntropy the estimate, bits per symbol of that view (per bit for the bitstring)
 * @param details every intermediate value the tool prints, in its order and under its labels
 *     (e.g. "Mode count", "p-hat", "p_u"); integers are {@link Long}, reals {@link Double}
 * @param note a remark the tool prints without a value (e.g. "Found p."), or empty
 */
public record EstimatorResult(
    String name, Domain domain, double minEntropy, Map<String, Number> details, String note) {

  public EstimatorResult {
    minEntropy += 0.0; // -log2(1) is -0.0; an entropy is never printed with a sign
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
