package org.ferrogen.device.config;

/**
 * A configuration file that cannot be used. The message is one line for the user: the file, the
 * field path where there is one, and what is wrong, e.g. {@code chip.yaml: tiles.adc.bits: must be
 * 1..16 bits, got 0}.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;

  ConfigException(String source, String path, String problem, Throwable cause) {
    super(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem, cause);
    this.source = source;
    this.path = path;
  }

  /** The file (or other source) the configuration came from. */
  public String source() {
    return source;
  }

  /** The dotted field path of the problem ({@code tiles[0].adc.bits}), empty for the whole file. */
  public String path() {
    return path;
  }
}
