package org.ferrogen.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.ferrogen.learn.Parameter;
import org.junit.jupiter.api.Test;

class OptimTest {

    @Test
    void firstAdamWStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        Parameter p = Parameter.zeros("w", 1, 3, true);
        p.value()[0] = 1f;
        p.grad()[0] = 0.5f;
        p.grad()[1] = -2f;
        p.grad()[2] = 0f;
        new AdamW(List.of(p), 0.9f, 0.95f, 1e-8f, 0.1f).step(0.01f);
        // Bias-corrected m̂/sqrt(v̂) = sign(g) on the first step; decay multiplies by (1 − lr·λ) first.
        assertThat((double) p.value()[0]).isCloseTo(1 * (1 - 0.001) - 0.01, Offset.offset(1e-6));
        assertThat((double) p.value()[1]).isCloseTo(0.01, Offset.offset(1e-6));
        assertThat(p.value()[2]).isEqualTo(0f);
    }

    @Test
    void adamWMinimisesAQuadratic() {
        Parameter p = Parameter.zeros("w", 1, 2, false);
        p.value()[0] = 3f;
        p.value()[1] = -4f;
        AdamW adam = new AdamW(List.of(p), 0.9f, 0.999f, 1e-8f, 0f);
        for (int i = 0; i < 2000; i++) {
            p.grad()[0] = 2 * (p.value()[0] - 1);
            p.grad()[1] = 2 * (p.value()[1] + 2);
            adam.step(0.01f);
        }
        assertThat((double) p.value()[0]).isCloseTo(1, Offset.offset(1e-2));
        assertThat((double) p.value()[1]).isCloseTo(-2, Offset.offset(1e-2));
        assertThat(adam.steps()).isEqualTo(2000);
    }

    @Test
    void sgdWithMomentumAndDecayFollowsItsUpdateRule() {
        Parameter p = Parameter.zeros("w", 1, 1, true);
        p.value()[0] = 2f;
        Sgd sgd = new Sgd(List.of(p), 0.5f, 0.1f);
        p.grad()[0] = 1f;
        sgd.step(0.1f); // u = 1 + 0.2 = 1.2; w = 2 − 0.12
        assertThat((double) p.value()[0]).isCloseTo(1.88, Offset.offset(1e-6));
        sgd.step(0.1f); // u = 0.5·1.2 + 1 + 0.188 = 1.788; w = 1.88 − 0.1788
        assertThat((double) p.value()[0]).isCloseTo(1.7012, Offset.offset(1e-6));
    }

    @Test
    void clippingScalesTheGlobalNormDownOnly() {
        Parameter a = Parameter.zeros("a", 1, 2, true);
        Parameter b = Parameter.zeros("b", 1, 1, true);
        a.grad()[0] = 3f;
        a.grad()[1] = 0f;
        b.grad()[0] = 4f;
        assertThat(Gradients.clipGlobalNorm(List.of(a, b), 1.0)).isCloseTo(5.0, Offset.offset(1e-9));
        assertThat(Gradients.globalNorm(List.of(a, b))).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(Gradients.clipGlobalNorm(List.of(a, b), 10.0)).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat((double) b.grad()[0]).isCloseTo(0.8, Offset.offset(1e-6));
    }

    @Test
    void cosineScheduleWarmsUpThenDecaysToTheFloor() {
        CosineSchedule schedule = new CosineSchedule(1f, 0.1f, 4, 14);
        assertThat(schedule.rate(0)).isEqualTo(0.25f);
        assertThat(schedule.rate(3)).isEqualTo(1f);
        assertThat((double) schedule.rate(4)).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat((double) schedule.rate(13)).isCloseTo(0.1, Offset.offset(1e-6));
        // Half-way through the decay the cosine is at the mid-point.
        CosineSchedule noWarmup = new CosineSchedule(1f, 0f, 0, 11);
        assertThat((double) noWarmup.rate(5)).isCloseTo(0.5, Offset.offset(1e-6));
        for (int s = 4; s < 13; s++) {
            assertThat(schedule.rate(s + 1)).isLessThan(schedule.rate(s));
        }
    }
}
