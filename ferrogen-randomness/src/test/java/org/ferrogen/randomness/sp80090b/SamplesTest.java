package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void rejectsEmptyDataNamingTheSource() {
    assertThatThrownBy(() -> Samples.of("empty.bin", new byte[0], 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.bin")
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsSymbolsWiderThanK() {
    assertThatThrownBy(() -> Samples.of("wide.bin", new byte[] {0, 1, 4}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wide.bin")
        .hasMessageContaining("4")
        .hasMessageContaining("2 bit");
  }

  @Test
  void rejectsBitsPerSymbolOutsideOneToEight() {
    assertThatThrownBy(() -> Samples.of("x", new byte[] {0, 1}, 0))
        .hasMessageContaining("between 1 and 8, got 0");
    assertThatThrownBy(() -> Samples.of("x", new byte[] {0, 1}, 9))
        .hasMessageContaining("got 9");
  }

  @Test
  void warnsAsDataWhenFewerThanAMillionSamples() {
    Samples s = Samples.of("short.bin", new byte[] {0, 1, 1, 0}, 1);
    assertThat(s.warnings()).singleElement().asString().contains("short.bin").contains("4 samples");
  }

  @Test
  void translatesSymbolsOnlyWhenValuesAreMissingBelowTheMaximum() {
    Samples gap = Samples.of("g", new byte[] {2, 7, 2, 5}, 3);
    assertThat(gap.translated()).isTrue();
    assertThat(gap.alphabetSize()).isEqualTo(3);
    assertThat(gap.symbols()).containsExactly(0, 2, 0, 1);
    assertThat(gap.raw()).containsExactly(2, 7, 2, 5);

    Samples dense = Samples.of("d", new byte[] {0, 1, 2, 1}, 3);
    assertThat(dense.translated()).isFalse();
    assertThat(dense.symbols()).containsExactly(0, 1, 2, 1);
  }

  @Test
  void bitstringIsTheRawSymbolsMostSignificantBitFirst() {
    Samples s = Samples.of("b", new byte[] {6, 1}, 3);
    assertThat(s.bits()).containsExactly(1, 1, 0, 0, 0, 1);
    assertThat(s.bitLength()).isEqualTo(6);
  }
}
