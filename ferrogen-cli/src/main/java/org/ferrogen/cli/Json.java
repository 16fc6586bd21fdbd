package org.ferrogen.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The one JSON mapper of the command line. Every {@code --json} output goes through it, so all of
 * them share one key style:
 *
 * <ul>
 *   <li>keys are snake_case, enforced by the generator: every field name (record component, map
 *       key, {@link ObjectNode} field) is written through {@link #snakeCase} ({@code latencyNs} →
 *       {@code latency_ns}, {@code H_original} → {@code h_original}); data that are names (test
 *       names, file metadata keys) belong in values, not keys;
 *   <li>units go into key names ({@code latency_ns}, {@code energy_per_bit_j}), values are plain
 *       numbers, never strings with units;
 *   <li>NaN and ±∞ are written as {@code null} (JSON has no such numbers; Jackson's default writes
 *       the string {@code "NaN"}), on every path: boxed, primitive, arrays and tree nodes;
 *   <li>output is indented, one document per command.
 * </ul>
 */
public final class Json {

  /** The mapper; thread-safe and shared. Use {@link #write} or {@link #print} rather than building another. */
  public static final ObjectMapper MAPPER = JsonMapper.builder(new NonFiniteAsNullFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private Json() {}

  /** A new empty object node from the shared mapper. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The value as indented JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the value as one JSON document on {@code out} and flushes. */
  public static void print(PrintWriter out, Object value) {
    out.println(write(value));
    out.flush();
  }

  /**
   * Creates generators that write a non-finite double or float as {@code null}. Wrapping the
   * generator (rather than registering serializers) covers every route a number takes: record
   * components, {@code double[]}, boxed values in maps and {@code DoubleNode}s in trees.
   */
  private static final class NonFiniteAsNullFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonFactory copy() {
      return new NonFiniteAsNullFactory();
    }

    @Override
    protected JsonGenerator _createGenerator(java.io.Writer out, com.fasterxml.jackson.core.io.IOContext ctxt)
        throws IOException {
      return new NonFiniteAsNull(super._createGenerator(out, ctxt));
    }

    @Override
    protected JsonGenerator _createUTF8Generator(java.io.OutputStream out, com.fasterxml.jackson.core.io.IOContext ctxt)
        throws IOException {
      return new NonFiniteAsNull(super._createUTF8Generator(out, ctxt));
    }
  }

  /**
   * {@code camelCase}, {@code PascalCase}, {@code kebab-case} or {@code dotted.name} as {@code
   * snake_case}: an underscore before each upper-case letter that follows a lower-case letter or
   * digit (or that starts a capitalised word after an acronym), every other character outside
   * {@code [a-z0-9]} as an underscore, runs of underscores collapsed.
   */
  public static String snakeCase(String name) {
    StringBuilder b = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          b.append('_');
        }
      }
      char lower = Character.toLowerCase(c);
      boolean plain = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
      char out = plain ? lower : '_';
      if (out == '_' && (b.length() == 0 || b.charAt(b.length() - 1) == '_')) {
        continue;
      }
      b.append(out);
    }
    while (b.length() > 1 && b.charAt(b.length() - 1) == '_') {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }

  private static final class NonFiniteAsNull extends JsonGeneratorDelegate {
    NonFiniteAsNull(JsonGenerator d) {
      super(d, false);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
      super.writeFieldName(snakeCase(name));
    }

    @Override
    public void writeFieldName(com.fasterxml.jackson.core.SerializableString name) throws IOException {
      String value = name.getValue();
      String snake = snakeCase(value);
      if (snake.equals(value)) {
        super.writeFieldName(name);
      } else {
        super.writeFieldName(snake);
      }
    }

    @Override
    public void writeNumber(double v) throws IOException {
      if (Double.isFinite(v)) {
        super.writeNumber(v);
      } else {
        writeNull();
      }
    }

    @Override
    public void writeNumber(float v) throws IOException {
      if (Float.isFinite(v)) {
        super.writeNumber(v);
      } else {
        writeNull();
      }
    }

    @Override
    public void writeArray(double[] array, int offset, int length) throws IOException {
      // The delegate would write the elements itself, past writeNumber(double) above.
      writeStartArray(array, length);
      for (int i = offset; i < offset + length; i++) {
        writeNumber(array[i]);
      }
      writeEndArray();
    }

    @Override
    public void writeNumber(BigDecimal v) throws IOException {
      if (v == null) {
        writeNull();
      } else {
        super.writeNumber(v);
      }
    }
  }
}
