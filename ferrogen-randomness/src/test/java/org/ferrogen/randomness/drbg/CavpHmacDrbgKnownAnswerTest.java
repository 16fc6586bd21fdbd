package org.ferrogen.randomness.drbg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * All 720 NIST CAVP HMAC_DRBG SHA-256 vectors shipped in ../shared/reference/sp800-90a (no reseed,
 * reseed without prediction resistance, prediction resistance).
 */
class CavpHmacDrbgKnownAnswerTest {

    private static Path referenceDirectory() {
        String shared = System.getProperty("ferrogen.shared", "../shared");
        return Path.of(shared, "reference", "sp800-90a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "HMAC_DRBG_SHA-256_no_reseed.rsp, false, false",
        "HMAC_DRBG_SHA-256_pr_false.rsp, false, true",
        "HMAC_DRBG_SHA-256_pr_true.rsp, true, false"
    })
    void everyVectorOfTheFileMatches(String fileName, boolean predictionResistance, boolean reseeds) throws IOException {
        Path file = referenceDirectory().resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "CAVP vectors not available at " + file + " (../shared absent); skipping");

        List<CavpDrbgVector> vectors = CavpDrbgVectors.parse(file);

        assertThat(vectors).hasSize(240);
        List<String> mismatches = new ArrayList<>();
        for (CavpDrbgVector vector : vectors) {
            assertThat(vector.algorithm()).isEqualTo("SHA-256");
            assertThat(vector.predictionResistance()).isEqualTo(predictionResistance);
            assertThat(vector.entropyInputReseed() != null).isEqualTo(reseeds);
            byte[] actual = vector.run(DrbgMechanism.HMAC_SHA256);
            if (!Arrays.equals(actual, vector.returnedBits())) {
                mismatches.add(vector.source() + ": got " + HexFormat.of().formatHex(actual));
            }
        }
        assertThat(mismatches).as("vectors whose ReturnedBits differ").isEmpty();
    }
}
