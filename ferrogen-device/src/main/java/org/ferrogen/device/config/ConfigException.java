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
    super(visible(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem), cause);
    this.source = source;
    this.path = path;
  }

  /**
   * The message with control characters escaped, so that it stays one line even when a key holds
   * carriage returns or tabs (a Jazzer finding: keys of {@code \r} characters broke the line).
   */
  private static String visible(String message) {
    StringBuilder out = new StringBuilder(message.length());
    message.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
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
