package org.ferrogen.genai.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.ferrogen.chip.Chip;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.learn.nn.Layer;
import org.ferrogen.learn.nn.Linear;

/**
 * The denoiser MLP on the chip: every weight matrix programmed onto the chip's compute tiles (read
 * noise, ADC and all), biases and ReLUs in the digital periphery, charged to the chip's ledger. The
 * ADCs are calibrated, as a chip would be, on representative inputs: noisy training images at random
 * steps, whose per-layer activations come from the exact weights.
 */
public final class ChipDenoiser implements DenoiserBackend {
  private final Chip chip;
  private final List<TiledAnalogMatrix> matrices;
  private final List<float[]> biases;
  private float[][] buffers = new float[0][];

  private ChipDenoiser(Chip chip, List<TiledAnalogMatrix> matrices, List<float[]> biases) {
    this.chip = chip;
    this.matrices = matrices;
    this.biases = biases;
  }

  /**
   * Programs {@code mlp} onto {@code chip} and calibrates its ADCs.
   *
   * @param calibration {@code rows × mlp.inputWidth()} representative inputs
   * @param headroom ADC full scale as a multiple of the largest calibration column sum
   */
  public static ChipDenoiser program(Mlp mlp, Chip chip, String name, float[] calibration, int rows, double headroom) {
    List<TiledAnalogMatrix> matrices = new ArrayList<>();
    List<float[]> biases = new ArrayList<>();
    float[] x = calibration;
    List<Layer> layers = mlp.network().layers();
    int linear = 0;
    for (Layer layer : layers) {
      if (layer instanceof Linear l) {
        TiledAnalogMatrix m = chip.program(name + "." + linear++, l.outputWidth(), l.inputWidth(), l.weight().value());
        m.calibrateAdcRanges(x, rows, headroom);
        matrices.add(m);
        biases.add(l.bias().value().clone());
      }
      x = layer.forward(x, rows).clone();
    }
    return new ChipDenoiser(chip, List.copyOf(matrices), List.copyOf(biases));
  }

  @Override
  public float[] forward(float[] input, int rows) {
    if (buffers.length != matrices.size() || buffers[0].length < rows * matrices.get(0).rows()) {
      buffers = new float[matrices.size()][];
      for (int i = 0; i < matrices.size(); i++) {
        buffers[i] = new float[rows * matrices.get(i).rows()];
      }
    }
    float[] x = input;
    double digitalAdds = 0;
    for (int i = 0; i < matrices.size(); i++) {
      TiledAnalogMatrix m = matrices.get(i);
      float[] y = buffers[i];
      m.multiplyBatch(x, y, rows);
      float[] b = biases.get(i);
      boolean relu = i + 1 < matrices.size();
      int out = m.rows();
      for (int r = 0; r < rows; r++) {
        for (int o = 0; o < out; o++) {
          float v = y[r * out + o] + b[o];
          y[r * out + o] = relu && v < 0 ? 0 : v;
        }
      }
      digitalAdds += (double) rows * out * (relu ? 2 : 1);
      x = y;
    }
    // Bias adds and ReLU comparisons run in the digital periphery; activations pass through SRAM
    // once as fp32 (32 bits each).
    chip.ledger().chargeDigital(digitalAdds, 0, 0, 32 * digitalAdds);
    return x;
  }
}
