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
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.ThreadsOption;
import org.ferrogen.cli.options.TrngDesignOption;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.jca.FerroGenParameters;
import org.ferrogen.trng.jca.FerroGenProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    description = {"Concurrency check of the JCA provider: threads share one SecureRandom; count errors and repeated 32-byte blocks.",
        "Exit code 1 when a block repeats or a draw fails."},
    footer = {"%nExample:%n  ferrogen trng hammer --trng-design ring --threads 8 --bytes 1e7"})
public final class TrngHammerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TrngDesignOption design;

  @Mixin ThreadsOption threadsOption;

  @Mixin CommonOptions common;

  /** The --json document. */
  record Result(String algorithm, int threads, long blocksPerThread, long bytes, double seconds,
      double rateBytesPerS, long errors, long repeatedBlocks) {}

  @Option(names = "--bytes", defaultValue = "1e8", paramLabel = "N", description = "Bytes in total (default ${DEFAULT-VALUE}).")
  double bytes;

  @Override
  public Integer call() throws Exception {
    int threads = threadsOption.value();
    if (bytes < 32) {
      throw new IllegalArgumentException("--bytes must be at least 32, got " + bytes);
    }
    TrngDesign d = design.value();
    SecureRandom shared = SecureRandom.getInstance(d.algorithm(), FerroGenParameters.of(d), new FerroGenProvider());
    long blocksPerThread = (long) (bytes / 32 / threads);
    // Blocks are remembered by their first 16 bytes: a repeat of the whole block implies that, and
    // a 128-bit prefix collision among ~3·10^6 blocks of a working DRBG has probability ~ 10^-26.
    Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet((int) Math.min(Integer.MAX_VALUE, blocksPerThread * threads));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    ProgressBars.Progress progress = common.progress("trng hammer", blocksPerThread * threads * 32, "B");
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
          if ((i & 1023) == 1023) {
            progress.accept(1024 * 32);
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
    progress.close();
    double seconds = (System.nanoTime() - start) / 1e9;
    long total = blocksPerThread * threads * 32;
    if (common.json()) {
      common.printJson(new Result(d.algorithm(), threads, blocksPerThread, total, seconds, total / seconds, errors, repeats));
      return ExitCode.of(errors == 0 && repeats == 0);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %d threads x %d blocks of 32 bytes = %d bytes in %.1f s (%.1f MB/s): errors %d, repeated blocks %d%n",
        d.algorithm(), threads, blocksPerThread, blocksPerThread * threads * 32, seconds,
        blocksPerThread * threads * 32 / seconds / 1e6, errors, repeats);
    out.flush();
    return ExitCode.of(errors == 0 && repeats == 0);
  }
}
