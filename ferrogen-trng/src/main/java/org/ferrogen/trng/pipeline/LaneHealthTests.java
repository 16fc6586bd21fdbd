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
 * one stream test. Hand-written scalar code, lane by lane so that each lane's state lives in
 * registers (no allocation): measured cost in docs/health-and-drbg.md.
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
   * <p>Lane by lane rather than sample by sample: each lane's state stays in registers while its
   * samples are visited with a stride of {@code lanes}, and a later lane stops at the earliest alarm
   * found so far, so the result is the first alarming sample in stream order, as if the samples
   * were taken one at a time. After an alarm the other lanes' state is unspecified until {@link
   * #reset()}, which the pipeline always calls (the start-up test that follows an alarm).
   *
   * @param duringStartup whether these samples belong to a start-up test (recorded in the alarm)
   * @return the index of the first alarming sample, or -1
   */
  int scan(byte[] samples, int from, int to, boolean duringStartup) {
    // Blocks small enough for the first-level cache: the lane-by-lane passes revisit every cache
    // line of a block once per lane, which from a 1 MiB read would go to the last-level cache.
    for (int blockFrom = from; blockFrom < to; blockFrom += BLOCK) {
      int alarm = scanBlock(samples, from, blockFrom, Math.min(to, blockFrom + BLOCK), to, duringStartup);
      if (alarm >= 0) {
        return alarm;
      }
    }
    position += to - from;
    return -1;
  }

  private static final int BLOCK = 1 << 13;

  /** Scans {@code samples[blockFrom, blockTo)} of the read {@code [from, to)}; records an alarm. */
  private int scanBlock(byte[] samples, int from, int blockFrom, int blockTo, int to, boolean duringStartup) {
    int firstLane = (int) ((position + blockFrom - from) % lanes);
    int alarmIndex = Integer.MAX_VALUE;
    HealthTestKind alarmKind = null;
    int alarmLane = -1;
    int alarmValue = 0;
    int alarmCount = 0;
    for (int k = 0; k < lanes && blockFrom + k < blockTo; k++) {
      int lane = firstLane + k < lanes ? firstLane + k : firstLane + k - lanes;
      int run = runValue[lane];
      int length = runLength[lane];
      int reference = aptReference[lane];
      int count = aptCount[lane];
      int seen = aptSeen[lane];
      int end = Math.min(blockTo, alarmIndex);
      for (int i = blockFrom + k; i < end; i += lanes) {
        int v = samples[i];
        if (v == run) {
          if (++length >= rctCutoff) {
            alarmIndex = i;
            alarmKind = HealthTestKind.REPETITION_COUNT;
            alarmLane = lane;
            alarmValue = v;
            alarmCount = length;
            break;
          }
        } else {
          run = v;
          length = 1;
        }
        if (seen == 0) {
          reference = v;
          count = 1;
          seen = 1;
        } else {
          if (v == reference && ++count >= aptCutoff) {
            alarmIndex = i;
            alarmKind = HealthTestKind.ADAPTIVE_PROPORTION;
            alarmLane = lane;
            alarmValue = v;
            alarmCount = count;
            break;
          }
          if (++seen == aptWindow) {
            seen = 0;
          }
        }
      }
      runValue[lane] = run;
      runLength[lane] = length;
      aptReference[lane] = reference;
      aptCount[lane] = count;
      aptSeen[lane] = seen;
    }
    if (alarmKind != null) {
      int cutoff = alarmKind == HealthTestKind.REPETITION_COUNT ? rctCutoff : aptCutoff;
      return alarm(alarmKind, alarmLane, alarmIndex, from, to, alarmValue, alarmCount, cutoff, duringStartup);
    }
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
