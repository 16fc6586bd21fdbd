package org.ferrogen.randomness.drbg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One known-answer vector of a NIST CAVP DRBG response file ({@code HMAC_DRBG.rsp} and friends).
 *
 * <p>The CAVP procedure: instantiate(EntropyInput, Nonce, PersonalizationString); when
 * EntropyInputReseed is present, reseed(EntropyInputReseed, AdditionalInputReseed); then two generate
 * calls with the two AdditionalInput values (with prediction resistance, each reseeds from the next
 * EntropyInputPR); ReturnedBits is the output of the second call.
 *
 * @param source file name and line of the vector's COUNT line, for messages
 * @param algorithm the section name, e.g. "SHA-256" or "AES-256 use df"
 * @param predictionResistance the PredictionResistance section flag
 * @param count the COUNT value
 * @param entropyInputReseed null when the vector has no reseed step
 * @param additionalInputReseed null when the vector has no reseed step
 * @param additionalInputs the two AdditionalInput values in order (empty arrays when blank)
 * @param entropyInputsPr the EntropyInputPR values in order (empty unless prediction resistance)
 */
public record CavpDrbgVector(String source, String algorithm, boolean predictionResistance, int count,
                             byte[] entropyInput, byte[] nonce, byte[] personalization,
                             byte[] entropyInputReseed, byte[] additionalInputReseed,
                             List<byte[]> additionalInputs, List<byte[]> entropyInputsPr, byte[] returnedBits) {

    public CavpDrbgVector {
        additionalInputs = List.copyOf(additionalInputs);
        entropyInputsPr = List.copyOf(entropyInputsPr);
    }

    /** Runs the CAVP procedure on a fresh DRBG of {@code mechanism} and returns the second output. */
    public byte[] run(DrbgMechanism mechanism) {
        Deque<byte[]> prEntropy = new ArrayDeque<>();
        for (byte[] entropy : entropyInputsPr) {
            prEntropy.add(entropy.clone());
        }
        EntropyInputSource source = minEntropyBits -> {
            byte[] next = prEntropy.poll();
            if (next == null) {
                throw new IllegalStateException(this.source + ": vector has no further EntropyInputPR");
            }
            return next;
        };
        try (Drbg drbg = mechanism.create(predictionResistance ? source : null, Drbg.MAX_RESEED_INTERVAL)) {
            drbg.instantiate(entropyInput, nonce, personalization);
            if (entropyInputReseed != null) {
                drbg.reseed(entropyInputReseed, additionalInputReseed);
            }
            byte[] output = new byte[returnedBits.length];
            for (byte[] additional : additionalInputs) {
                drbg.generate(output, 0, output.length, additional, predictionResistance);
            }
            return output;
        }
    }
}
