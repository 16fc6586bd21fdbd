package org.ferrogen.genai.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SpinningTeamTest {

  @Test
  void everyChunkRunsExactlyOnceAcrossManyBackToBackJobs() {
    try (SpinningTeam team = new SpinningTeam(3)) {
      for (int job = 0; job < 2000; job++) {
        int chunks = 1 + job % 13; // fewer and more chunks than threads
        AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
        team.run(chunks, runs::incrementAndGet);
        for (int c = 0; c < chunks; c++) {
          assertThat(runs.get(c)).as("job %d chunk %d", job, c).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void aChunksExceptionReachesTheCallerAndTheTeamStaysUsable() {
    try (SpinningTeam team = new SpinningTeam(2)) {
      assertThatThrownBy(() -> team.run(8, c -> {
        if (c == 5) {
          throw new IllegalArgumentException("chunk 5 failed");
        }
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 5 failed");
      AtomicIntegerArray runs = new AtomicIntegerArray(4);
      team.run(4, runs::incrementAndGet);
      assertThat(runs.toString()).isEqualTo("[1, 1, 1, 1]");
    }
  }

  @Test
  void theCallerFinishesAloneWhenWorkersAreSlowToStart() throws Exception {
    // A team whose workers are parked (idle long past their spin time) must still complete every
    // chunk; the caller claims whatever the workers have not.
    try (SpinningTeam team = new SpinningTeam(4)) {
      Thread.sleep(5);
      AtomicIntegerArray runs = new AtomicIntegerArray(64);
      team.run(64, runs::incrementAndGet);
      int total = 0;
      for (int c = 0; c < 64; c++) {
        total += runs.get(c);
      }
      assertThat(total).isEqualTo(64);
    }
  }

  /**
   * An idle team goes cold (its worker parks after spinning 200 µs), which keeps an isolated small
   * product on the calling thread (FloatBackend); a job still runs every chunk once on a cold team.
   * The wait for parking is bounded at 30 s, far above the 200 µs spin even on a loaded machine.
   */
  @Test
  void anIdleTeamGoesColdAndStillRunsJobs() throws Exception {
    try (SpinningTeam team = new SpinningTeam(2)) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (team.hot() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertThat(team.hot()).as("hot after 30 s idle").isFalse();
      AtomicIntegerArray runs = new AtomicIntegerArray(6);
      team.run(6, runs::incrementAndGet);
      assertThat(runs.toString()).isEqualTo("[1, 1, 1, 1, 1, 1]");
    }
  }
}
