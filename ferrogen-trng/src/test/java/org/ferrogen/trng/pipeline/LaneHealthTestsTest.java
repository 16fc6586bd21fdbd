package org.ferrogen.trng.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.randomness.health.HealthCutoffs;
import org.junit.jupiter.api.Test;

/**
 * {@link LaneHealthTests} scans lane by lane; a direct sample-by-sample implementation of the same
 * tests ({@link Direct}) must report the same alarms (same sample, lane, test, value and count) on
 * streams with healthy, biased and stuck lanes, cut into reads of random length, with the reset the
 * pipeline performs after every alarm. Deterministic (fixed seeds): no false failures.
 */
class LaneHealthTestsTest {

  @Test
  void laneByLaneScanReportsTheAlarmsOfASampleBySampleScan() {
    for (int lanes : new int[] {2, 7, 52}) {
      SplittableRandom random = new SplittableRandom(lanes);
      byte[] samples = new byte[1 << 21];
      double[] pOne = new double[lanes];
      for (int i = 0; i < samples.length; i++) {
        int lane = i % lanes;
        if (i % (lanes * 4096) == 0) {
          for (int l = 0; l < lanes; l++) { // every 4096 rounds each lane turns healthy, biased or stuck
            double u = random.nextDouble();
            pOne[l] = u < 0.8 ? 0.5 : u < 0.9 ? 0.72 : u < 0.95 ? 1 : 0;
          }
        }
        samples[i] = (byte) (random.nextDouble() < pOne[lane] ? 1 : 0);
      }
      LaneHealthTests fast = new LaneHealthTests(lanes, 1, 0x1p-20);
      Direct direct = new Direct(lanes, 1, 0x1p-20);
      List<String> fastAlarms = alarms(samples, fast::scan, fast::reset, () -> fast.lastLane() + " " + fast.lastAlarm().describe());
      List<String> directAlarms = alarms(samples, direct::scan, direct::reset, () -> direct.lastLane + " " + direct.lastAlarm);
      assertThat(fastAlarms).as("%d lanes", lanes).hasSizeGreaterThan(20).isEqualTo(directAlarms);
      assertThat(fast.alarms()).isEqualTo(directAlarms.size());
    }
  }

  private interface Scan {
    int scan(byte[] samples, int from, int to, boolean startup);
  }

  private static List<String> alarms(byte[] samples, Scan scan, Runnable reset, java.util.function.Supplier<String> last) {
    List<String> out = new ArrayList<>();
    SplittableRandom cuts = new SplittableRandom(99);
    int from = 0;
    while (from < samples.length) {
      int to = Math.min(samples.length, from + 1 + cuts.nextInt(30_000)); // across the 8,192-sample blocks
      int alarm = scan.scan(samples, from, to, false);
      if (alarm >= 0) {
        out.add(alarm + " lane " + last.get());
        reset.run();
      }
      from = to;
    }
    return out;
  }

  /** The tests taken one sample at a time, each lane in its own state (the specification). */
  private static final class Direct {
    final int lanes;
    final int rctCutoff;
    final int aptCutoff;
    final int[] run;
    final int[] length;
    final int[] reference;
    final int[] count;
    final int[] seen;
    long position;
    int lastLane;
    String lastAlarm;

    Direct(int lanes, double entropy, double alpha) {
      this.lanes = lanes;
      this.rctCutoff = HealthCutoffs.repetitionCountCutoff(entropy, alpha);
      this.aptCutoff = HealthCutoffs.adaptiveProportionCutoff(1024, entropy, alpha);
      run = new int[lanes];
      length = new int[lanes];
      reference = new int[lanes];
      count = new int[lanes];
      seen = new int[lanes];
      reset();
    }

    void reset() {
      java.util.Arrays.fill(run, -1);
      java.util.Arrays.fill(length, 0);
      java.util.Arrays.fill(seen, 0);
    }

    int scan(byte[] samples, int from, int to, boolean startup) {
      for (int i = from; i < to; i++) {
        int lane = (int) ((position + i - from) % lanes);
        int v = samples[i];
        if (v == run[lane]) {
          length[lane]++;
        } else {
          run[lane] = v;
          length[lane] = 1;
        }
        if (length[lane] >= rctCutoff) {
          return alarm(lane, i, from, to, "repetition count test alarm", v, length[lane], rctCutoff);
        }
        if (seen[lane] == 0) {
          reference[lane] = v;
          count[lane] = 1;
          seen[lane] = 1;
          continue;
        }
        if (v == reference[lane]) {
          count[lane]++;
          if (count[lane] >= aptCutoff) {
            return alarm(lane, i, from, to, "adaptive proportion test alarm", v, count[lane], aptCutoff);
          }
        }
        seen[lane] = seen[lane] + 1 == 1024 ? 0 : seen[lane] + 1;
      }
      position += to - from;
      return -1;
    }

    private int alarm(int lane, int i, int from, int to, String test, int v, int c, int cutoff) {
      lastLane = lane;
      lastAlarm = test + " at sample " + (position + i - from) + " (value " + v + ", count " + c + " reached cutoff "
          + cutoff + ")";
      position += to - from;
      return i;
    }
  }
}
