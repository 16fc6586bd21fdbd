package org.ferrogen.randomness.sp80090b;

/**
 * The regularized upper incomplete gamma function Q(a, x), for chi-square p-values: a series for
 * x < a + 1 and a modified-Lentz continued fraction otherwise (Press et al., Numerical Recipes,
 * 3rd ed., section 6.2), with log-gamma from the Lanczos approximation (g = 607/128, 15 terms, as
 * tabulated by Godfrey).
 */
final class Gamma {
  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;
  private static final double LANCZOS_G = 607.0 / 128.0;
  private static final double[] LANCZOS = {
    0.99999999999999709182,
    57.156235665862923517,
    -59.597960355475491248,
    14.136097974741747174,
    -0.49191381609762019978,
    .33994649984811888699e-4,
    .46523628927048575665e-4,
    -.98374475304879564677e-4,
    .15808870322491248884e-3,
    -.21026444172410488319e-3,
    .21743961811521264320e-3,
    -.16431810653676389022e-3,
    .84418223983852743293e-4,
    -.26190838401581408670e-4,
    .36899182659531622704e-5,
  };

  private Gamma() {}

  static double logGamma(double x) {
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (x + i - 1);
    }
    double t = x + LANCZOS_G - 0.5;
    return 0.5 * Math.log(2 * Math.PI) + (x - 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** Q(a, x) = Gamma(a, x) / Gamma(a); 1 when a or x is not positive (as the tool's cephes). */
  static double regularizedUpper(double a, double x) {
    if (x <= 0 || a <= 0) {
      return 1.0;
    }
    if (x < a + 1.0) {
      return 1.0 - lowerSeries(a, x);
    }
    double lnPrefix = a * Math.log(x) - x - logGamma(a);
    double b = x + 1.0 - a;
    double c = 1.0 / TINY;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 100_000; i++) {
      double an = -i * (i - a);
      b += 2.0;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1.0) < EPS) {
        break;
      }
    }
    return Math.exp(lnPrefix) * h;
  }

  private static double lowerSeries(double a, double x) {
    double lnPrefix = a * Math.log(x) - x - logGamma(a);
    double ap = a;
    double sum = 1.0 / a;
    double del = sum;
    for (int i = 0; i < 100_000; i++) {
      ap += 1.0;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) {
        break;
      }
    }
    return sum * Math.exp(lnPrefix);
  }
}
