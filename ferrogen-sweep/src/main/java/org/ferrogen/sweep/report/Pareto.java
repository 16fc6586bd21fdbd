package org.ferrogen.sweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The non-dominated points of a two-objective set, found by one sort and one sweep (O(n log n)). */
public final class Pareto {

  private Pareto() {}

  /** A point with two objectives; {@code tag} is carried along (the grid coordinates). */
  public record Point<T>(double x, double y, T tag) {}

  /**
   * The front, by increasing x: points no other point beats in both objectives (ties count as not
   * beaten). NaN objectives are left out.
   */
  public static <T> List<Point<T>> front(List<Point<T>> points, boolean maximizeX, boolean maximizeY) {
    double sx = maximizeX ? -1 : 1;
    double sy = maximizeY ? -1 : 1;
    List<Point<T>> sorted = new ArrayList<>(points.stream()
        .filter(p -> !Double.isNaN(p.x()) && !Double.isNaN(p.y())).toList());
    // Best x first; among equal x the best y first, so that it dominates the rest of its x.
    sorted.sort(Comparator.comparingDouble((Point<T> p) -> sx * p.x()).thenComparingDouble(p -> sy * p.y()));
    List<Point<T>> front = new ArrayList<>();
    double bestY = Double.POSITIVE_INFINITY;
    for (Point<T> p : sorted) {
      if (sy * p.y() < bestY) {
        front.add(p);
        bestY = sy * p.y();
      }
    }
    front.sort(Comparator.comparingDouble(Point::x));
    return front;
  }
}
