package org.ferrogen.chip;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a chip's energy per token is compared with: measured GPU figures (with their batch sizes and
 * sources) and battery presets for the edge budget. Both are data resources beside the presets.
 */
public final class EnergyReferences {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EnergyReferences() {}

  /**
   * A measured GPU energy per generated token.
   *
   * @param batch requests batched together; 0 when the source does not state it
   */
  public record GpuFigure(String system, String model, double parameters, int batch, double joulesPerToken, String source) {
    /** Joules per token per 10^9 parameters. */
    public double joulesPerTokenPerBillionParameters() {
      return joulesPerToken / (parameters / 1e9);
    }
  }

  /** A battery: nominal capacity and voltage. */
  public record Battery(String name, String description, double milliampHours, double volts, String source) {
    public double joules() {
      return milliampHours * 3.6 * volts;
    }

    /** Tokens one charge runs at {@code joulesPerToken}. */
    public double tokensPerCharge(double joulesPerToken) {
      return joules() / joulesPerToken;
    }

    /** Hours of generation at {@code tokensPerSecond} with {@code joulesPerToken} (dynamic energy only). */
    public double hours(double joulesPerToken, double tokensPerSecond) {
      return joules() / (joulesPerToken * tokensPerSecond) / 3600;
    }
  }

  public static List<GpuFigure> gpuFigures() {
    return load("gpu-energy-per-token.yaml", new TypeReference<List<GpuFigure>>() {});
  }

  public static List<Battery> batteries() {
    return load("batteries.yaml", new TypeReference<List<Battery>>() {});
  }

  private static <T> T load(String name, TypeReference<T> type) {
    String resource = "/org/ferrogen/chip/reference/" + name;
    try (InputStream in = EnergyReferences.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the build");
      }
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
    }
  }
}
