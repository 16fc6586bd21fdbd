package org.ferrogen.device.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inclusive range a number read by {@link YamlConfig} must lie in: a physical limit (a film is
 * not a metre thick) or a resource limit (a simulation that would not finish or not fit in memory).
 * Put it on every numeric component of a configuration record, and on a {@code List<Double>} or
 * {@code List<Integer>} component to bound each element. {@link YamlConfig} refuses to read a record
 * with an unbounded number, so every number a user can give is checked, and an out-of-range value is
 * reported with its field path and the limit:
 *
 * <pre>{@code
 * record Adc(@Range(min = 1, max = 16, unit = "bits") int bits) {}
 * // tiles.adc.bits: must be 1..16 bits, got 0
 * }</pre>
 *
 * Integer fields additionally refuse non-integers ({@code 1.5}); every number must be finite.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
  /** Smallest allowed value (inclusive). */
  double min();

  /** Largest allowed value (inclusive). */
  double max();

  /** Unit printed after the limits, e.g. {@code "m"} or {@code "bits"}; empty for none. */
  String unit() default "";

  /** Why the limit exists, printed after it, e.g. {@code "each domain is simulated"}. */
  String reason() default "";
}
