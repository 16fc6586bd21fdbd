package org.ferrogen.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-size pool of daemon worker threads that splits index ranges into contiguous chunks.
 *
 * <p>Every kernel in this package assigns each output element to exactly one chunk and computes it in a
 * fixed order, so results are bit-identical whatever the thread count: parallelism never changes the
 * numbers, only the speed.
 */
public final class Parallel implements AutoCloseable {

    /** Body of a parallel loop over the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final int threads;
    private final ExecutorService executor;

    /** @param threads number of threads that work on a range (the calling thread is one of them) */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            executor = null;
        } else {
            int pool = POOL_COUNTER.incrementAndGet();
            AtomicInteger workerCounter = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads - 1, runnable -> {
                Thread thread = new Thread(runnable,
                        "ferrogen-learn-" + pool + "-" + workerCounter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** A pool sized to the machine's available processors. */
    public static Parallel ofAvailableProcessors() {
        return new Parallel(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over {@code [0, count)} split into at most {@link #threads()} contiguous chunks whose
     * boundaries are multiples of {@code grain} (except the last). Small ranges run on the calling thread.
     */
    public void forRange(int count, int grain, RangeBody body) {
        int blocks = (count + grain - 1) / grain;
        int chunks = Math.min(threads, blocks);
        if (chunks <= 1) {
            if (count > 0) {
                body.run(0, count);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        int blocksPerChunk = blocks / chunks;
        int extra = blocks % chunks;
        int start = 0;
        int firstEnd = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int chunkBlocks = blocksPerChunk + (chunk < extra ? 1 : 0);
            int end = Math.min(count, start + chunkBlocks * grain);
            if (chunk == 0) {
                firstEnd = end;
            } else {
                int from = start;
                int to = end;
                futures.add(executor.submit(() -> body.run(from, to)));
            }
            start = end;
        }
        body.run(0, firstEnd);
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a parallel chunk", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("parallel chunk failed", cause);
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
