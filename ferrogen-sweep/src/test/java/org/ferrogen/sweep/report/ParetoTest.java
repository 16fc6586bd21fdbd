package org.ferrogen.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoTest {

  @Test
  void keepsExactlyThePointsNoOtherBeatsInBothObjectives() {
    List<Pareto.Point<String>> pts = List.of(
        new Pareto.Point<>(1, 0.9, "a"),   // cheapest, worst
        new Pareto.Point<>(2, 0.5, "b"),
        new Pareto.Point<>(2, 0.6, "c"),   // same cost as b, worse
        new Pareto.Point<>(3, 0.5, "d"),   // costlier than b, no better
        new Pareto.Point<>(4, 0.1, "e"),
        new Pareto.Point<>(5, Double.NaN, "f"));
    assertThat(Pareto.front(pts, false, false)).extracting(Pareto.Point::tag).containsExactly("a", "b", "e");
    // Maximizing y instead (e.g. min-entropy against energy): only the cheapest of the best.
    assertThat(Pareto.front(pts, false, true)).extracting(Pareto.Point::tag).containsExactly("a");
  }

  @Test
  void agreesWithTheQuadraticDefinitionOnRandomSets() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      List<Pareto.Point<Integer>> pts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        pts.add(new Pareto.Point<>(rng.nextInt(10), rng.nextInt(10), i));
      }
      List<Integer> expected = new ArrayList<>();
      for (Pareto.Point<Integer> p : pts) {
        boolean dominated = pts.stream().anyMatch(q -> q.x() <= p.x() && q.y() >= p.y() && (q.x() < p.x() || q.y() > p.y()));
        // Of equal points only one is on the front.
        boolean duplicateEarlier = pts.stream().anyMatch(q -> q.x() == p.x() && q.y() == p.y() && q.tag() < p.tag());
        if (!dominated && !duplicateEarlier) {
          expected.add(p.tag());
        }
      }
      assertThat(Pareto.front(pts, false, true)).extracting(Pareto.Point::tag).hasSameSizeAs(expected);
    }
  }
}
