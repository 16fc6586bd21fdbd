package org.ferrogen.genai.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads for the many short parallel loops of token-by-token inference: the
 * caller runs part 0 itself and {@code size − 1} workers run the others. Workers spin (with
 * {@link Thread#onSpinWait()}) for a short while after each job before parking, so back-to-back
 * matrix products (some 85 per token for a 12-layer model, each tens of microseconds long) do not pay
 * a thread wake-up each; a fork-join pool's park/unpark per product measured slower with two
 * threads than with one on the development machine (docs/genai.md). Not reentrant: one job at a time.
 */
final class SpinningTeam implements AutoCloseable {
  /** How long an idle worker spins before parking (nanoseconds): a few products' worth. */
  private static final long SPIN_NANOS = 200_000;

  private final Thread[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile long generation;
  private volatile IntConsumer job;
  private volatile boolean closed;
  private volatile Throwable failure;

  SpinningTeam(int size) {
    workers = new Thread[size - 1];
    for (int i = 0; i < workers.length; i++) {
      int part = i + 1;
      workers[i] = new Thread(() -> work(part), "ferrogen-float-" + part);
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  int size() {
    return workers.length + 1;
  }

  /** Runs {@code body.accept(p)} for every part p in 0..size−1 and returns when all are done. */
  synchronized void run(IntConsumer body) {
    failure = null;
    job = body;
    pending.set(workers.length);
    generation++;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
    Throwable own = null;
    try {
      body.accept(0);
    } catch (Throwable t) {
      own = t;
    }
    while (pending.get() > 0) {
      Thread.onSpinWait();
    }
    job = null;
    Throwable t = own != null ? own : failure;
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  private void work(int part) {
    long seen = 0;
    while (true) {
      long idleSince = System.nanoTime();
      while (generation == seen && !closed) {
        if (System.nanoTime() - idleSince < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      try {
        job.accept(part);
      } catch (Throwable t) {
        failure = t;
      } finally {
        pending.decrementAndGet();
      }
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
