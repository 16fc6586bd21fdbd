package org.ferrogen.genai.sample;

import java.util.List;
import org.ferrogen.genai.Generation;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.model.LlamaSession;

/**
 * The token picker of {@code generate --entropy analog-noise}: argmax of the mean of {@link
 * AnalogNoiseSampling.Setting#reads()} reads of the output head on the chip. Without a setting it
 * calibrates one on the first context it sees (the prompt's last position). No random numbers are
 * drawn: the randomness is the chip's read noise, and every read is metered into the chip's ledger.
 * Temperature only: top-k, top-p, min-p and the repetition penalty do not apply.
 */
public final class AnalogNoiseSampler implements Generation.TokenPicker {
  /** Reads of the prompt's head input for calibration (σ₁ from 64 reads is within ≈ ±9 % at 1σ). */
  public static final int CALIBRATION_READS = 64;

  private final LinearLayer head;
  private final boolean logitsAreFirstRead;
  private final double temperature;
  private final long calibrationSeed;
  private AnalogNoiseSampling.Setting setting;
  private float[] averaged;

  /**
   * @param head the output head on the chip
   * @param logitsAreFirstRead whether the logits handed to {@link #next} are themselves a read of
   *     {@code head} (the model runs on the chip), so that one read fewer is needed
   * @param temperature the requested temperature
   * @param setting a calibration to reuse, or null to calibrate on the first context
   * @param calibrationSeed seed of the Monte Carlo fit of σ*(T)
   */
  public AnalogNoiseSampler(LinearLayer head, boolean logitsAreFirstRead, double temperature,
      AnalogNoiseSampling.Setting setting, long calibrationSeed) {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("analog-noise sampling needs a temperature > 0, got " + temperature);
    }
    this.head = head;
    this.logitsAreFirstRead = logitsAreFirstRead;
    this.temperature = temperature;
    this.setting = setting;
    this.calibrationSeed = calibrationSeed;
  }

  /** The setting in use (null before the first token when calibrating). */
  public AnalogNoiseSampling.Setting setting() {
    return setting;
  }

  @Override
  public void accept(int token) {}

  @Override
  public int next(float[] logits, LlamaSession session) {
    float[] input = session.headInput();
    if (setting == null) {
      setting = AnalogNoiseSampling.calibrate(head, List.of(input), CALIBRATION_READS)
          .setting(temperature, calibrationSeed);
    }
    if (averaged == null) {
      averaged = new float[head.rows()];
    }
    AnalogNoiseSampling.averagedRead(head, input, setting.reads(), logitsAreFirstRead ? logits : null, averaged);
    return AnalogNoiseSampling.argmax(averaged);
  }
}
