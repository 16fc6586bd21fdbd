package org.ferrogen.trng.fault;

import org.ferrogen.randomness.health.HealthCutoffs;
import org.hipparchus.special.Erf;

/**
 * Predicted detection delays of the SP 800-90B section 4.4 health tests (repetition count test with
 * cutoff {@code rctCutoff}; adaptive proportion test with window {@code aptWindow} and cutoff
 * {@code aptCutoff}) for the faults of {@link Fault}, from first principles:
 *
 * <ul>
 *   <li>RCT on a binary first-order Markov source (P(1|1) = a, P(0|0) = b): the expected time until
 *       a run of {@code C} equal samples solves a two-unknown linear system (below); an i.i.d.
 *       source with P(1) = p is the case a = p, b = 1 - p.
 *   <li>APT: per window, P(alarm) = P(first = 1) P(Bin(W-1, p) ≥ C-1) + P(first = 0) P(Bin(W-1,
 *       1-p) ≥ C-1) for an i.i.d. source, a normal approximation with the variance inflated by
 *       (1+r)/(1-r) for lag-1 correlation r; windows are independent trials.
 *   <li>Both tests together: their alarm hazards add (the first alarm wins).
 * </ul>
 *
 * Delays count samples from the fault's onset to the sample that raises the alarm (inclusive).
 */
public record AlarmDelayModel(int rctCutoff, int aptWindow, int aptCutoff) {

  public AlarmDelayModel {
    if (rctCutoff < 2 || aptWindow < 2 || aptCutoff < 2 || aptCutoff > aptWindow) {
      throw new IllegalArgumentException(
          "health-test cutoffs out of range: RCT " + rctCutoff + ", APT " + aptCutoff + "/" + aptWindow);
    }
  }

  /** A source stuck at one value: the RCT fires at the latest after {@code C} samples. */
  public long stuckSourceMaximumDelay() {
    return rctCutoff;
  }

  /** Expected samples until the RCT fires on a first-order Markov source started at equilibrium. */
  public double rctExpectedDelay(double stayOne, double stayZero) {
    int runs = rctCutoff - 1;
    // m(s, k): expected further samples from a run of length k of symbol s; m(s, C) = 0 and
    // m(s, k) = 1 + stay_s m(s, k+1) + (1 - stay_s) m(s', 1), hence
    // m(s, 1) = S_s (1 + (1 - stay_s) m(s', 1)) with S_s = sum_{j < C-1} stay_s^j.
    double s1 = geometricSum(stayOne, runs);
    double s0 = geometricSum(stayZero, runs);
    double leaveOne = 1 - stayOne;
    double leaveZero = 1 - stayZero;
    double denominator = 1 - s1 * s0 * leaveOne * leaveZero;
    if (denominator <= 0) {
      return 1;
    }
    double fromOne = s1 * (1 + leaveOne * s0) / denominator;
    double fromZero = s0 * (1 + leaveZero * fromOne);
    double piOne = leaveZero / (leaveOne + leaveZero);
    if (Double.isNaN(piOne)) {
      piOne = 0.5;
    }
    return 1 + piOne * fromOne + (1 - piOne) * fromZero;
  }

  /** Probability that one APT window of an i.i.d. source with P(1) = p raises the alarm. */
  public double aptWindowAlarmProbability(double p) {
    return p * binomialUpperTail(aptWindow - 1, p, aptCutoff - 1)
        + (1 - p) * binomialUpperTail(aptWindow - 1, 1 - p, aptCutoff - 1);
  }

  /**
   * APT window alarm probability for a fair source whose output repeats its predecessor with extra
   * probability r (lag-1 autocorrelation r), by the normal approximation.
   */
  public double aptWindowAlarmProbabilityCorrelated(double r) {
    int others = aptWindow - 1;
    // Matches of the window's first value among the others: P(match at lag j) = (1 + r^j) / 2.
    double mean = others / 2.0 + 0.5 * r * (1 - Math.pow(r, others)) / (1 - r);
    double sd = Math.sqrt(others / 4.0 * (1 + r) / (1 - r));
    return upperNormal((aptCutoff - 1 - 0.5 - mean) / sd);
  }

  /**
   * Expected delay, in samples, of the first alarm for a stationary i.i.d. source with P(1) = p,
   * the fault starting at an APT window boundary.
   */
  public double expectedDelayBiased(double p) {
    double rctHazard = 1 / rctExpectedDelay(p, 1 - p);
    double apt = aptExpectedDelay(aptWindowAlarmProbability(p), Math.max(p, 1 - p));
    return 1 / (rctHazard + 1 / apt);
  }

  /**
   * Expected delay of the APT alarm when cell {@code lane} of {@code lanes} cells read round-robin
   * is stuck, the others fair, the fault starting at an APT window boundary. Windows hold
   * {@code W / lanes} samples of each lane (W a multiple of lanes), and every window starts on lane
   * 0, so a stuck lane 0 fixes the value the window counts. The RCT is ignored: healthy lanes break
   * every run, so it practically never fires first (the prediction is an upper bound).
   */
  public double expectedDelayStuckLane(int lane, int lanes) {
    if (lanes < 1 || aptWindow % lanes != 0 || lane < 0 || lane >= lanes) {
      throw new IllegalArgumentException(
          "stuck-lane prediction needs a window multiple of the lane count; got lane " + lane + " of " + lanes);
    }
    int stuckOthers = aptWindow / lanes - (lane == 0 ? 1 : 0);
    int healthyOthers = aptWindow - 1 - stuckOthers;
    double whenFirstIsStuckValue = binomialUpperTail(healthyOthers, 0.5, aptCutoff - 1 - stuckOthers);
    double windowAlarm = lane == 0
        ? whenFirstIsStuckValue
        : 0.5 * whenFirstIsStuckValue + 0.5 * binomialUpperTail(healthyOthers, 0.5, aptCutoff - 1);
    double matchRate = 1.0 / lanes + (1 - 1.0 / lanes) / 2;
    return aptExpectedDelay(windowAlarm, matchRate);
  }

  /**
   * Windows are independent trials with alarm probability {@code windowAlarm}; within the alarming
   * window the count of the window's value grows by {@code matchRate} per sample, so the alarm comes
   * at about {@code (C - 1) / matchRate + 1} samples into it.
   */
  private double aptExpectedDelay(double windowAlarm, double matchRate) {
    if (windowAlarm <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double position = Math.min(aptWindow, (aptCutoff - 1) / matchRate + 1);
    return (1 / windowAlarm - 1) * aptWindow + position;
  }

  /** Expected delay of the first alarm after lag-1 correlation {@code r} sets in on a fair source. */
  public double expectedDelayCorrelated(double r) {
    double stay = (1 + r) / 2;
    double rctHazard = 1 / rctExpectedDelay(stay, stay);
    double apt = aptExpectedDelay(aptWindowAlarmProbabilityCorrelated(r), 0.5);
    return 1 / (rctHazard + 1 / apt);
  }

  /**
   * Expected delay of the first alarm under a {@link Fault.BiasDrift} on a fair source: windows are
   * taken to start at the onset, each sees the bias at its middle, and alarms count at window end.
   */
  public double expectedDelayBiasDrift(double ratePerSample) {
    double survival = 1;
    double expected = 0;
    for (long window = 0; survival > 1e-12; window++) {
      double forced = Math.min(1, ratePerSample * (window + 0.5) * aptWindow);
      double p = 0.5 + forced / 2;
      double alarm = 1 - (1 - aptWindowAlarmProbability(p)) * Math.exp(-aptWindow / rctExpectedDelay(p, 1 - p));
      double position = Math.min(aptWindow, (aptCutoff - 1) / Math.max(p, 1 - p) + 1);
      expected += survival * alarm * (window * aptWindow + position);
      survival *= 1 - alarm;
      if (window > 100_000_000L) {
        throw new IllegalArgumentException("bias drift " + ratePerSample + " per sample is too slow to predict");
      }
    }
    return expected;
  }

  /**
   * Expected false alarms per sample of an ideal fair source whose claimed entropy is exact: the
   * RCT's renewal rate plus the APT's per-window alarm probability spread over the window.
   */
  public double falseAlarmRatePerSampleIdeal() {
    return 1 / rctExpectedDelay(0.5, 0.5) + aptWindowAlarmProbability(0.5) / aptWindow;
  }

  private static double geometricSum(double ratio, int terms) {
    if (ratio >= 1) {
      return terms;
    }
    return (1 - Math.pow(ratio, terms)) / (1 - ratio);
  }

  /** P(Bin(n, p) ≥ k), with the degenerate p of a stuck source handled here. */
  static double binomialUpperTail(int n, double p, int k) {
    if (k <= 0) {
      return 1;
    }
    if (k > n || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    return HealthCutoffs.binomialUpperTail(n, p, k);
  }

  private static double upperNormal(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2));
  }
}
