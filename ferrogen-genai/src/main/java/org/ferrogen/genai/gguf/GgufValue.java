package org.ferrogen.genai.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metadata value with its GGUF type. Scalars are boxed Java values (integers as Long for the
 * 64-bit types, Integer for the narrower ones, Float, Double, Boolean, String). Arrays keep a
 * primitive Java array: byte[] (uint8/int8), short[] (uint16/int16), int[] (uint32/int32), long[]
 * (uint64/int64), float[], double[], boolean[], String[], or GgufValue[] for nested arrays.
 *
 * @param type the value's type
 * @param elementType for arrays, the type of the elements; otherwise null
 * @param value the Java value as described above
 */
public record GgufValue(GgufValueType type, GgufValueType elementType, Object value) {

  public GgufValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if ((type == GgufValueType.ARRAY) != (elementType != null)) {
      throw new IllegalArgumentException("element type is required for arrays and only for arrays");
    }
  }

  public static GgufValue ofString(String s) {
    return new GgufValue(GgufValueType.STRING, null, s);
  }

  public static GgufValue ofUint32(long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new IllegalArgumentException("uint32 value out of range: " + v);
    }
    return new GgufValue(GgufValueType.UINT32, null, (int) v);
  }

  public static GgufValue ofInt32(int v) {
    return new GgufValue(GgufValueType.INT32, null, v);
  }

  public static GgufValue ofUint64(long v) {
    return new GgufValue(GgufValueType.UINT64, null, v);
  }

  public static GgufValue ofFloat32(float v) {
    return new GgufValue(GgufValueType.FLOAT32, null, v);
  }

  public static GgufValue ofBool(boolean v) {
    return new GgufValue(GgufValueType.BOOL, null, v);
  }

  public static GgufValue ofStrings(String... v) {
    return new GgufValue(GgufValueType.ARRAY, GgufValueType.STRING, v.clone());
  }

  public static GgufValue ofFloats(float... v) {
    return new GgufValue(GgufValueType.ARRAY, GgufValueType.FLOAT32, v.clone());
  }

  public static GgufValue ofInt32s(int... v) {
    return new GgufValue(GgufValueType.ARRAY, GgufValueType.INT32, v.clone());
  }

  /** The value as a long, for any integer type (unsigned 32-bit values are widened without sign). */
  public long asLong() {
    return switch (type) {
      case UINT8 -> ((Integer) value) & 0xffL;
      case UINT16 -> ((Integer) value) & 0xffffL;
      case UINT32 -> ((Integer) value) & 0xffffffffL;
      case INT8, INT16, INT32 -> (Integer) value;
      case UINT64, INT64 -> (Long) value;
      default -> throw new IllegalArgumentException("expected an integer but found " + type);
    };
  }

  /** The value as a double, for any numeric type. */
  public double asDouble() {
    return switch (type) {
      case FLOAT32 -> (Float) value;
      case FLOAT64 -> (Double) value;
      default -> asLong();
    };
  }

  public String asString() {
    if (type != GgufValueType.STRING) {
      throw new IllegalArgumentException("expected a string but found " + type);
    }
    return (String) value;
  }

  /** Number of elements of an array value. */
  public int length() {
    if (type != GgufValueType.ARRAY) {
      throw new IllegalArgumentException("expected an array but found " + type);
    }
    return java.lang.reflect.Array.getLength(value);
  }

  /** Short human-readable rendering; long arrays are elided. */
  public String describe() {
    if (type != GgufValueType.ARRAY) {
      return type == GgufValueType.STRING ? '"' + (String) value + '"' : String.valueOf(
          type == GgufValueType.UINT32 || type == GgufValueType.UINT8 || type == GgufValueType.UINT16
              ? asLong() : value);
    }
    int n = length();
    StringBuilder sb = new StringBuilder("[").append(elementType.name().toLowerCase()).append(" x ").append(n);
    int shown = Math.min(n, 5);
    if (shown > 0) {
      sb.append(": ");
    }
    for (int i = 0; i < shown; i++) {
      Object e = java.lang.reflect.Array.get(value, i);
      sb.append(i > 0 ? ", " : "").append(e instanceof String s ? '"' + s + '"' : String.valueOf(e));
    }
    return sb.append(n > shown ? ", ...]" : "]").toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GgufValue v && v.type == type && v.elementType == elementType
        && Arrays.deepEquals(new Object[] {value}, new Object[] {v.value});
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, elementType, Arrays.deepHashCode(new Object[] {value}));
  }
}
