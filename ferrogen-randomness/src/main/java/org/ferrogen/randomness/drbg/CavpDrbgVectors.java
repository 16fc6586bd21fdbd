package org.ferrogen.randomness.drbg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parser of NIST CAVP DRBG response files (CAVS "drbgvectors" {@code *.rsp}): bracketed section headers
 * such as {@code [SHA-256]} and {@code [PredictionResistance = True]}, then vectors that start with
 * {@code COUNT = n} followed by {@code Name = hex} lines. Malformed input is rejected with the file,
 * line and offending text in the message.
 */
public final class CavpDrbgVectors {

    private CavpDrbgVectors() {
    }

    /** Parses {@code file}. */
    public static List<CavpDrbgVector> parse(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses the lines of a response file; {@code name} labels messages. */
    public static List<CavpDrbgVector> parse(String name, List<String> lines) {
        List<CavpDrbgVector> vectors = new ArrayList<>();
        String algorithm = null;
        Boolean predictionResistance = null;
        Builder current = null;
        for (int index = 0; index < lines.size(); index++) {
            String where = name + ":" + (index + 1);
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException(where + ": unterminated section header '" + line + "'");
                }
                if (current != null) {
                    vectors.add(current.build());
                    current = null;
                }
                String header = line.substring(1, line.length() - 1).strip();
                int equals = header.indexOf('=');
                if (equals < 0) {
                    algorithm = header;
                    predictionResistance = null;
                } else if (header.substring(0, equals).strip().equals("PredictionResistance")) {
                    String flag = header.substring(equals + 1).strip();
                    if (!flag.equals("True") && !flag.equals("False")) {
                        throw new IllegalArgumentException(where + ": PredictionResistance must be True or False, got '"
                                + flag + "'");
                    }
                    predictionResistance = flag.equals("True");
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(where + ": expected 'Name = value', got '" + line + "'");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.equals("COUNT")) {
                if (current != null) {
                    vectors.add(current.build());
                }
                if (algorithm == null || predictionResistance == null) {
                    throw new IllegalArgumentException(where + ": COUNT before the [algorithm] and "
                            + "[PredictionResistance = ...] section headers");
                }
                int count;
                try {
                    count = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": COUNT is not an integer: '" + value + "'", e);
                }
                current = new Builder(where, algorithm, predictionResistance, count);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(where + ": field '" + key + "' outside a vector (no COUNT yet)");
            }
            current.set(where, key, hex(where, key, value));
        }
        if (current != null) {
            vectors.add(current.build());
        }
        return vectors;
    }

    private static byte[] hex(String where, String key, String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + key + " is not valid hex: '" + value + "'", e);
        }
    }

    private static final class Builder {
        private final String source;
        private final String algorithm;
        private final boolean predictionResistance;
        private final int count;
        private byte[] entropyInput;
        private byte[] nonce;
        private byte[] personalization;
        private byte[] entropyInputReseed;
        private byte[] additionalInputReseed;
        private final List<byte[]> additionalInputs = new ArrayList<>();
        private final List<byte[]> entropyInputsPr = new ArrayList<>();
        private byte[] returnedBits;

        Builder(String source, String algorithm, boolean predictionResistance, int count) {
            this.source = source;
            this.algorithm = algorithm;
            this.predictionResistance = predictionResistance;
            this.count = count;
        }

        void set(String where, String key, byte[] value) {
            switch (key) {
                case "EntropyInput" -> entropyInput = once(where, key, entropyInput, value);
                case "Nonce" -> nonce = once(where, key, nonce, value);
                case "PersonalizationString" -> personalization = once(where, key, personalization, value);
                case "EntropyInputReseed" -> entropyInputReseed = once(where, key, entropyInputReseed, value);
                case "AdditionalInputReseed" -> additionalInputReseed = once(where, key, additionalInputReseed, value);
                case "AdditionalInput" -> additionalInputs.add(value);
                case "EntropyInputPR" -> entropyInputsPr.add(value);
                case "ReturnedBits" -> returnedBits = once(where, key, returnedBits, value);
                default -> throw new IllegalArgumentException(where + ": unknown field '" + key + "'");
            }
        }

        private static byte[] once(String where, String key, byte[] previous, byte[] value) {
            if (previous != null) {
                throw new IllegalArgumentException(where + ": field '" + key + "' given twice in one vector");
            }
            return value;
        }

        CavpDrbgVector build() {
            String vector = source + " (COUNT = " + count + ")";
            if (entropyInput == null || returnedBits == null) {
                throw new IllegalArgumentException(vector + ": missing EntropyInput or ReturnedBits");
            }
            if (additionalInputs.size() != 2) {
                throw new IllegalArgumentException(vector + ": expected 2 AdditionalInput fields, found "
                        + additionalInputs.size());
            }
            if (predictionResistance && entropyInputsPr.size() != 2) {
                throw new IllegalArgumentException(vector + ": prediction resistance needs 2 EntropyInputPR fields, found "
                        + entropyInputsPr.size());
            }
            if ((entropyInputReseed == null) != (additionalInputReseed == null)) {
                throw new IllegalArgumentException(vector + ": EntropyInputReseed and AdditionalInputReseed must come together");
            }
            return new CavpDrbgVector(vector, algorithm, predictionResistance, count, entropyInput,
                    nonce == null ? new byte[0] : nonce, personalization == null ? new byte[0] : personalization,
                    entropyInputReseed, additionalInputReseed, additionalInputs, entropyInputsPr, returnedBits);
        }
    }
}
