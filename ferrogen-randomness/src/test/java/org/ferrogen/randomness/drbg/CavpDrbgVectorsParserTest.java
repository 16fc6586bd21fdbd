package org.ferrogen.randomness.drbg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CavpDrbgVectorsParserTest {

    private static final List<String> HEADER = List.of("# CAVS 14.3", "", "[SHA-256]", "[PredictionResistance = False]",
            "[EntropyInputLen = 256]", "");

    private static List<String> withBody(String... body) {
        var lines = new java.util.ArrayList<>(HEADER);
        lines.addAll(List.of(body));
        return lines;
    }

    @Test
    void parsesRepeatedFieldsInOrderAndBlankValuesAsEmpty() {
        List<CavpDrbgVector> vectors = CavpDrbgVectors.parse("t.rsp", withBody(
                "COUNT = 7", "EntropyInput = 00ff", "Nonce = 01", "PersonalizationString = ",
                "AdditionalInput = aa", "AdditionalInput = ", "ReturnedBits = 1234"));

        assertThat(vectors).hasSize(1);
        CavpDrbgVector vector = vectors.get(0);
        assertThat(vector.count()).isEqualTo(7);
        assertThat(vector.algorithm()).isEqualTo("SHA-256");
        assertThat(vector.predictionResistance()).isFalse();
        assertThat(vector.entropyInput()).containsExactly(0x00, 0xff);
        assertThat(vector.personalization()).isEmpty();
        assertThat(vector.additionalInputs()).hasSize(2);
        assertThat(HexFormat.of().formatHex(vector.additionalInputs().get(0))).isEqualTo("aa");
        assertThat(vector.additionalInputs().get(1)).isEmpty();
        assertThat(vector.entropyInputReseed()).isNull();
        assertThat(vector.source()).isEqualTo("t.rsp:7 (COUNT = 7)");
    }

    @Test
    void badHexNamesFileLineAndField() {
        assertThatThrownBy(() -> CavpDrbgVectors.parse("t.rsp", withBody("COUNT = 0", "EntropyInput = 0g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.rsp:8")
                .hasMessageContaining("EntropyInput is not valid hex");
    }

    @Test
    void unknownFieldAndMissingAdditionalInputAreRejected() {
        assertThatThrownBy(() -> CavpDrbgVectors.parse("t.rsp", withBody("COUNT = 0", "Bogus = 00")))
                .hasMessageContaining("unknown field 'Bogus'");
        assertThatThrownBy(() -> CavpDrbgVectors.parse("t.rsp", withBody("COUNT = 0", "EntropyInput = 00",
                "AdditionalInput = ", "ReturnedBits = 00")))
                .hasMessageContaining("expected 2 AdditionalInput fields, found 1");
    }

    @Test
    void fieldBeforeCountOrSectionIsRejected() {
        assertThatThrownBy(() -> CavpDrbgVectors.parse("t.rsp", withBody("Nonce = 00")))
                .hasMessageContaining("outside a vector");
        assertThatThrownBy(() -> CavpDrbgVectors.parse("t.rsp", List.of("COUNT = 0")))
                .hasMessageContaining("COUNT before the [algorithm]");
    }
}
