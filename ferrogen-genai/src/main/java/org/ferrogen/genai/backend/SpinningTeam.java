package org.ferrogen.genai.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads for the many short parallel loops of token-by-token inference. A job is
 * cut into chunks that the caller and {@code size − 1} workers claim one at a time from a shared
 * counter, so the caller never waits for a worker that has not started: on a machine where other
 * processes hold the cores, the caller simply runs the chunks itself. An earlier version gave each
 * thread one fixed part and made the caller spin until every part was done; with the second core
 * busy elsewhere that ran 7 tokens/s instead of 100 (docs/genai.md).
 *
 * <p>Workers spin (with {@link Thread#onSpinWait()}) for a short while after each job before
 * parking, so back-to-back matrix products (some 85 per token for a 12-layer model, each tens of
 * microseconds long) do not pay a thread wake-up each; a fork-join pool's park/unpark per product
 * measured slower with two threads than with one on the development machine. Not reentrant: one
 * job at a time.
 */
final class SpinningTeam implements AutoCloseable {
  /** How long an idle worker spins before parking (nanoseconds): a few products' worth. */
  private static final long SPIN_NANOS = 200_000;
  /** How long the caller spins for chunks still running on workers before yielding its core. */
  private static final long CALLER_SPIN_NANOS = 20_000;

  /** One call of {@link #run}: its chunks, the claim counter and the completion count. */
  private static final class Job {
    final IntConsumer body;
    final int chunks;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    volatile Throwable failure;

    Job(IntConsumer body, int chunks) {
      this.body = body;
      this.chunks = chunks;
    }

    /** Claims and runs chunks until none is left. */
    void help() {
      int c;
      while ((c = next.getAndIncrement()) < chunks) {
        try {
          body.accept(c);
        } catch (Throwable t) {
          if (failure == null) {
            failure = t;
          }
        } finally {
          done.incrementAndGet();
        }
      }
    }
  }

  private final Thread[] workers;
  private volatile Job current;
  private volatile boolean closed;
  /** Workers parked (not spinning or working): a job would first have to wake them. */
  private final AtomicInteger parked = new AtomicInteger();

  SpinningTeam(int size) {
    workers = new Thread[size - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Thread(this::work, "ferrogen-float-" + (i + 1));
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  int size() {
    return workers.length + 1;
  }

  /**
   * Whether every worker is spinning or working, so that a job starts on all threads within about
   * a microsecond; a parked worker needs an unpark and tens of microseconds (more on a busy
   * machine) before it helps.
   */
  boolean hot() {
    return parked.get() == 0;
  }

  /**
   * Runs {@code body.accept(c)} for every chunk c in 0..chunks−1, spread over the team, and returns
   * when all are done; the first exception a chunk threw is rethrown.
   */
  synchronized void run(int chunks, IntConsumer body) {
    Job job = new Job(body, chunks);
    current = job;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
    job.help();
    long waitingSince = System.nanoTime();
    while (job.done.get() < chunks) {
      if (System.nanoTime() - waitingSince < CALLER_SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        Thread.yield(); // a worker holds a chunk but not a core: let it run
      }
    }
    Throwable t = job.failure;
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private void work() {
    Job seen = null;
    while (true) {
      long idleSince = System.nanoTime();
      while (current == seen && !closed) {
        if (System.nanoTime() - idleSince < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          parked.incrementAndGet();
          LockSupport.park(this);
          parked.decrementAndGet();
        }
      }
      if (closed) {
        return;
      }
      seen = current;
      seen.help();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
  }
}
