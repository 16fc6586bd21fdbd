package org.ferrogen.sweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One point of a sweep: a value per grid axis (in the spec's axis order) and a repeat number.
 *
 * @param index position in the spec's expansion order (axes row-major, repeats innermost)
 * @param pointId hash of the coordinates, the key that resume matches on
 * @param repeat 0-based repeat number
 * @param seed seed derived by hashing the sweep seed and the coordinates
 * @param values one value per axis: {@code Long}, {@code Double}, {@code Boolean} or {@code String}
 */
public record SweepPoint(long index, String pointId, int repeat, long seed, List<Object> values)
    implements Serializable {}
