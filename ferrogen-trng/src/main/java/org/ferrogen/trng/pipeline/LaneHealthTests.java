package org.ferrogen.trng.pipeline;

import java.util.Arrays;
import org.ferrogen.randomness.health.HealthAlarm;
import org.ferrogen.randomness.health.HealthCutoffs;
import org.ferrogen.randomness.health.HealthTestKind;

/**
 * SP 800-90B repetition count and adaptive proportion tests run separately on each physical lane
 * (cell) of a source whose samples are read round-robin from {@code lanes} cells. On the interleaved
 * stream one stuck cell among 64 moves P(1) by only 1/128 and never breaks a run, so the stream tests
 * cannot see it; on its own lane the cell repeats {@code C} times within {@code C·lanes} samples.
 *
 * <p>Same cutoffs as the stream tests (claimed entropy, α); the APT window is 1024 samples of the
 * lane. Together the lane tests add one more false-alarm budget of the stream tests' size: each
 * sample is in exactly one lane, so the per-sample alarm rate of all lanes together equals that of
 * one stream test. Scalar code (hand-written, no allocation); measured ≈ 11 ns of CPU per sample on
the loaded development machine, about a third of the cell's fast raw path (docs/trng.md).
 */
final class LaneHealthTests {

  private final int lanes;
  private final int rctCutoff;
  private final int aptWindow;
  private final int aptCutoff;
  private final int[] runValue;
  private final int[] runLength;
  private final int[] aptReference;
  private final int[] aptCount;
  private final int[] aptSeen;
  private long position;
  private long alarms;
  private HealthAlarm lastAlarm;
  private int lastLane;

  LaneHealthTests(int lanes, double claimedEntropy, double alpha) {
    this.lanes = lanes;
    this.rctCutoff = HealthCutoffs.repetitionCountCutoff(claimedEntropy, alpha);
    this.aptWindow = HealthCutoffs.windowSize(1);
    this.aptCutoff = HealthCutoffs.adaptiveProportionCutoff(aptWindow, claimedEntropy, alpha);
    this.runValue = new int[lanes];
    this.runLength = new int[lanes];
    this.aptReference = new int[lanes];
    this.aptCount = new int[lanes];
    this.aptSeen = new int[lanes];
    reset();
  }

  /** Restarts every lane's tests; the lane of the next sample stays aligned with the source. */
  void reset() {
    Arrays.fill(runValue, -1);
    Arrays.fill(runLength, 0);
    Arrays.fill(aptSeen, 0);
  }

  /**
   * Checks {@code samples[from, to)}, the next samples of the source in order.
   *
   * @param duringStartup whether these samples belong to a start-up test (recorded in the alarm)
   * @return the index of the first alarming sample, or -1
   */
  int scan(byte[] samples, int from, int to, boolean duringStartup) {
    int lane = (int) (position % lanes);
    for (int i = from; i < to; i++) {
      int v = samples[i];
      if (v == runValue[lane]) {
        if (++runLength[lane] >= rctCutoff) {
          return alarm(HealthTestKind.REPETITION_COUNT, lane, i, from, to, v, runLength[lane], rctCutoff, duringStartup);
        }
      } else {
        runValue[lane] = v;
        runLength[lane] = 1;
      }
      if (aptSeen[lane] == 0) {
        aptReference[lane] = v;
        aptCount[lane] = 1;
        aptSeen[lane] = 1;
      } else {
        if (v == aptReference[lane] && ++aptCount[lane] >= aptCutoff) {
          return alarm(HealthTestKind.ADAPTIVE_PROPORTION, lane, i, from, to, v, aptCount[lane], aptCutoff,
              duringStartup);
        }
        if (++aptSeen[lane] == aptWindow) {
          aptSeen[lane] = 0;
        }
      }
      lane = lane + 1 == lanes ? 0 : lane + 1;
    }
    position += to - from;
    return -1;
  }

  /** Records an alarm; the rest of the range counts as consumed (the pipeline discards it). */
  private int alarm(HealthTestKind kind, int lane, int index, int from, int to, int value, int count, int cutoff,
      boolean duringStartup) {
    long sampleIndex = position + index - from;
    position += to - from;
    alarms++;
    lastLane = lane;
    lastAlarm = new HealthAlarm(kind, sampleIndex, value, count, cutoff, duringStartup);
    runValue[lane] = -1;
    runLength[lane] = 0;
    aptSeen[lane] = 0;
    return index;
  }

  int lanes() {
    return lanes;
  }

  long alarms() {
    return alarms;
  }

  HealthAlarm lastAlarm() {
    return lastAlarm;
  }

  int lastLane() {
    return lastLane;
  }
}
