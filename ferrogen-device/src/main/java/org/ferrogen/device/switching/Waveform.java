package org.ferrogen.device.switching;

import java.util.Arrays;

/**
 * A voltage waveform as a sequence of constant segments (volts, seconds). Ramps and sweeps are
 * discretised into short constant steps; a constant segment is integrated exactly by the switching
 * engine however long it is.
 */
public final class Waveform {
  private final double[] volts;
  private final double[] seconds;

  private Waveform(double[] volts, double[] seconds) {
    for (int i = 0; i < volts.length; i++) {
      if (!Double.isFinite(volts[i])) {
        throw new IllegalArgumentException("waveform segment " + i + " has voltage " + volts[i]);
      }
      if (!(seconds[i] >= 0) || Double.isInfinite(seconds[i])) {
        throw new IllegalArgumentException("waveform segment " + i + " has duration " + seconds[i]);
      }
    }
    this.volts = volts;
    this.seconds = seconds;
  }

  /** A waveform from parallel arrays of segment voltages and durations (copied). */
  public static Waveform of(double[] volts, double[] seconds) {
    if (volts.length != seconds.length) {
      throw new IllegalArgumentException(
          "waveform has " + volts.length + " voltages but " + seconds.length + " durations");
    }
    return new Waveform(volts.clone(), seconds.clone());
  }

  /** One rectangular pulse. */
  public static Waveform pulse(double volts, double widthS) {
    return new Waveform(new double[] {volts}, new double[] {widthS});
  }

  /** Zero volts for a while (relaxation between pulses). */
  public static Waveform rest(double seconds) {
    return pulse(0, seconds);
  }

  /** {@code count} identical pulses separated by {@code gapS} at zero volts. */
  public static Waveform pulseTrain(double volts, double widthS, double gapS, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("pulse count must be non-negative, got " + count);
    }
    double[] v = new double[2 * count];
    double[] s = new double[2 * count];
    for (int i = 0; i < count; i++) {
      v[2 * i] = volts;
      s[2 * i] = widthS;
      s[2 * i + 1] = gapS;
    }
    return new Waveform(v, s);
  }

  /**
   * {@code cycles} periods of a triangle 0 → +A → −A → 0 at {@code frequencyHz}, each period cut
   * into {@code stepsPerCycle} constant steps at the mid-step voltage.
   */
  public static Waveform triangle(double amplitudeV, double frequencyHz, int cycles, int stepsPerCycle) {
    if (stepsPerCycle < 4 || stepsPerCycle % 4 != 0) {
      throw new IllegalArgumentException(
          "stepsPerCycle must be a positive multiple of 4, got " + stepsPerCycle);
    }
    if (!(frequencyHz > 0)) {
      throw new IllegalArgumentException("frequency must be positive, got " + frequencyHz);
    }
    int n = cycles * stepsPerCycle;
    double[] v = new double[n];
    double[] s = new double[n];
    double dt = 1 / (frequencyHz * stepsPerCycle);
    for (int i = 0; i < n; i++) {
      double phase = ((i % stepsPerCycle) + 0.5) / stepsPerCycle; // 0..1 within the period
      v[i] = amplitudeV * triangleShape(phase);
      s[i] = dt;
    }
    return new Waveform(v, s);
  }

  private static double triangleShape(double phase) {
    if (phase < 0.25) {
      return 4 * phase;
    }
    if (phase < 0.75) {
      return 2 - 4 * phase;
    }
    return 4 * phase - 4;
  }

  /**
   * PUND: a negative preset pulse, then P (positive, switching), U (positive, non-switching),
   * N (negative, switching), D (negative, non-switching), each {@code widthS} long and separated by
   * {@code delayS} at zero volts. Segment indices of P, U, N, D are 2, 4, 6, 8.
   */
  public static Waveform pund(double volts, double widthS, double delayS) {
    double[] v = {-volts, 0, volts, 0, volts, 0, -volts, 0, -volts, 0};
    double[] s = {widthS, delayS, widthS, delayS, widthS, delayS, widthS, delayS, widthS, delayS};
    return new Waveform(v, s);
  }

  /** This waveform followed by {@code next}. */
  public Waveform then(Waveform next) {
    double[] v = Arrays.copyOf(volts, volts.length + next.volts.length);
    double[] s = Arrays.copyOf(seconds, seconds.length + next.seconds.length);
    System.arraycopy(next.volts, 0, v, volts.length, next.volts.length);
    System.arraycopy(next.seconds, 0, s, seconds.length, next.seconds.length);
    return new Waveform(v, s);
  }

  /** The same waveform with every voltage multiplied by {@code factor}. */
  public Waveform scaled(double factor) {
    double[] v = volts.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] *= factor;
    }
    return new Waveform(v, seconds);
  }

  public int size() {
    return volts.length;
  }

  public double volts(int segment) {
    return volts[segment];
  }

  public double seconds(int segment) {
    return seconds[segment];
  }

  /** Total duration in seconds. */
  public double duration() {
    double t = 0;
    for (double s : seconds) {
      t += s;
    }
    return t;
  }
}
