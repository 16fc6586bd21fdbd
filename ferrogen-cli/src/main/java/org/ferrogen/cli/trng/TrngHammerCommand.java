package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.jca.FerroGenParameters;
import org.ferrogen.trng.jca.FerroGenProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferrogen trng hammer}: many threads share one provider {@link SecureRandom} and draw
 * 32-byte blocks; reports errors and repeated blocks (a working DRBG repeats a 32-byte block with
 * negligible probability).
 */
@Command(
    name = "hammer",
    mixinStandardHelpOptions = true,
    description = "Concurrency check of the JCA provider: threads share one SecureRandom; count errors and repeated 32-byte blocks.")
public final class TrngHammerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--design", defaultValue = "cell", paramLabel = "cell|pair|ring", description = "Design (default ${DEFAULT-VALUE}).")
  String design;

  @Option(names = "--threads", defaultValue = "8", paramLabel = "N", description = "Threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--bytes", defaultValue = "1e8", paramLabel = "N", description = "Bytes in total (default ${DEFAULT-VALUE}).")
  double bytes;

  @Override
  public Integer call() throws Exception {
    if (threads < 1 || bytes < 32) {
      throw new IllegalArgumentException("need >= 1 thread and >= 32 bytes");
    }
    TrngDesign d = TrngDesign.byName(design);
    SecureRandom shared = SecureRandom.getInstance(d.algorithm(), FerroGenParameters.of(d), new FerroGenProvider());
    long blocksPerThread = (long) (bytes / 32 / threads);
    // Blocks are remembered by their first 16 bytes: a repeat of the whole block implies that, and
    // a 128-bit prefix collision among ~3·10^6 blocks of a working DRBG has probability ~ 10^-26.
    Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet((int) Math.min(Integer.MAX_VALUE, blocksPerThread * threads));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        long errors = 0;
        long repeats = 0;
        byte[] block = new byte[32];
        for (long i = 0; i < blocksPerThread; i++) {
          try {
            shared.nextBytes(block);
          } catch (RuntimeException e) {
            errors++;
            continue;
          }
          if (!seen.add(ByteBuffer.wrap(java.util.Arrays.copyOf(block, 16)))) {
            repeats++;
          }
        }
        return new long[] {errors, repeats};
      }));
    }
    long errors = 0;
    long repeats = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      errors += r[0];
      repeats += r[1];
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %d threads x %d blocks of 32 bytes = %d bytes in %.1f s (%.1f MB/s): errors %d, repeated blocks %d%n",
        d.algorithm(), threads, blocksPerThread, blocksPerThread * threads * 32, seconds,
        blocksPerThread * threads * 32 / seconds / 1e6, errors, repeats);
    out.flush();
    return errors == 0 && repeats == 0 ? 0 : 1;
  }
}
