package org.ferrogen.trng.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ferrogen.trng.design.TrngDesign;
import org.junit.jupiter.api.Test;

class FerroGenProviderTest {

  private static final FerroGenProvider PROVIDER = new FerroGenProvider();

  @Test
  void registersOneThreadSafeSecureRandomPerDesignAndSaysItIsASimulation() {
    for (TrngDesign d : TrngDesign.values()) {
      var service = PROVIDER.getService("SecureRandom", d.algorithm());
      assertThat(service).as(d.algorithm()).isNotNull();
      assertThat(service.getAttribute("ThreadSafe")).isEqualTo("true");
    }
    assertThat(PROVIDER.getInfo()).contains("SIMULATED").contains("not certified entropy");
  }

  @Test
  void reproducibleParametersGiveReproducibleOutput() throws Exception {
    byte[] a = new byte[64];
    byte[] b = new byte[64];
    SecureRandom.getInstance("FeTRNG-Pair", FerroGenParameters.reproducible(TrngDesign.PAIR, 9), PROVIDER).nextBytes(a);
    SecureRandom.getInstance("FeTRNG-Pair", FerroGenParameters.reproducible(TrngDesign.PAIR, 9), PROVIDER).nextBytes(b);
    assertThat(a).isEqualTo(b);
    SecureRandom unseeded = SecureRandom.getInstance("FeTRNG-Pair", PROVIDER);
    unseeded.nextBytes(b);
    assertThat(b).isNotEqualTo(a);
    assertThat(unseeded.generateSeed(40)).hasSize(40);
  }

  @Test
  void parametersOfAnotherDesignAreRejected() {
    assertThatThrownBy(() -> SecureRandom.getInstance("FeTRNG-Cell", FerroGenParameters.of(TrngDesign.RING), PROVIDER))
        .isInstanceOf(NoSuchAlgorithmException.class);
  }

  /**
   * Eight threads share one instance and draw 10^6 bytes each in 32-byte requests: no error, and
   * no 32-byte block ever repeats (a repeat among 2.5·10^5 blocks of a working DRBG has probability
   * about 2^-220). The 10^8-byte run is the experiment in docs/trng.md.
   */
  @Test
  void eightThreadsHammeringOneInstanceSeeNoErrorAndNoRepeatedBlock() throws Exception {
    SecureRandom shared = SecureRandom.getInstance("FeTRNG-Cell", FerroGenParameters.reproducible(TrngDesign.CELL, 11), PROVIDER);
    Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> futures = new ArrayList<>();
    int perThread = 1_000_000 / 32;
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> {
        int duplicates = 0;
        for (int i = 0; i < perThread; i++) {
          byte[] block = new byte[32];
          shared.nextBytes(block);
          if (!seen.add(ByteBuffer.wrap(block))) {
            duplicates++;
          }
        }
        return duplicates;
      }));
    }
    int duplicates = 0;
    for (Future<Integer> f : futures) {
      duplicates += f.get();
    }
    pool.shutdown();
    assertThat(duplicates).isZero();
    assertThat(seen).hasSize(8 * perThread);
  }
}
