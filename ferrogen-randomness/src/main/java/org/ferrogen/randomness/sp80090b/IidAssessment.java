package org.ferrogen.randomness.sp80090b;

import java.util.List;

/**
 * The IID track of SP 800-90B as NIST's {@code ea_iid} runs it for an initial entropy estimate:
 * the most-common-value estimate on the literal symbols (and on the bitstring when the alphabet has
 * more than two symbols), the chi-square tests and the LRS test (section 5.2) and the permutation
 * tests (section 5.1). The assessed value min(H_original, k * H_bitstring, k) stands only when every
 * test passes; otherwise the IID assumption is rejected and the non-IID track applies.
 */
public final class IidAssessment {

  private IidAssessment() {}

  /**
   * The outcome.
   *
   * @param samples sample count
   * @param bitsPerSymbol k
   * @param alphabetSize distinct symbols
   * @param literalMcv the literal most-common-value estimate
   * @param bitstringMcv the bitstring estimate, or null for a binary alphabet
   * @param hOriginal literal MCV min-entropy
   * @param hBitstring bitstring MCV min-entropy per bit, NaN when not assessed
   * @param hAssessed min(k, k * hBitstring, hOriginal)
   * @param chiSquare independence and goodness-of-fit outcomes
   * @param lrs the LRS test outcome
   * @param permutation the permutation test outcome
   * @param warnings conditions to show the user
   */
  public record Result(
      int samples,
      int bitsPerSymbol,
      int alphabetSize,
      EstimatorResult literalMcv,
      EstimatorResult bitstringMcv,
      double hOriginal,
      double hBitstring,
      double hAssessed,
      List<ChiSquareTests.Outcome> chiSquare,
      LrsTest.Outcome lrs,
      PermutationTests.Outcome permutation,
      List<String> warnings) {
    public Result {
      // -log2(1) is -0.0; an entropy is never printed with a sign
      hOriginal += 0.0;
      hBitstring += 0.0;
      hAssessed += 0.0;
      chiSquare = List.copyOf(chiSquare);
      warnings = List.copyOf(warnings);
    }

    public boolean chiSquarePassed() {
      return chiSquare.stream().allMatch(ChiSquareTests.Outcome::passed);
    }

    /** Whether every test passed, i.e. the IID assumption is not rejected. */
    public boolean passed() {
      return chiSquarePassed() && lrs.passed() && permutation.passed();
    }
  }

  /** Runs the IID track with 10,000 permutations; {@code seed} drives them. */
  public static Result assess(Samples samples, long seed, boolean parallel) {
    return assess(samples, seed, parallel, PermutationTests.PERMUTATIONS);
  }

  /** Runs the IID track with at most {@code permutations} permutations. */
  public static Result assess(Samples samples, long seed, boolean parallel, int permutations) {
    int alph = samples.alphabetSize();
    if (alph <= 1) {
      throw new IllegalArgumentException(
          samples.source() + ": the symbol alphabet consists of 1 symbol; no entropy awarded");
    }
    int k = samples.bitsPerSymbol();
    EstimatorResult lit =
        StatisticEstimators.mostCommonValue(samples.symbols(), alph, Domain.LITERAL);
    EstimatorResult bit =
        alph > 2 ? StatisticEstimators.mostCommonValue(samples.bits(), 2, Domain.BITSTRING) : null;
    double hOriginal = lit.minEntropy();
    double hBitstring = bit == null ? Double.NaN : bit.minEntropy();
    double assessed = k;
    if (bit != null) {
      assessed = Math.min(assessed, hBitstring * k);
    }
    assessed = Math.min(assessed, hOriginal);
    List<ChiSquareTests.Outcome> chi = ChiSquareTests.run(samples.symbols(), alph);
    LrsTest.Outcome lrs = LrsTest.run(samples.symbols(), alph);
    PermutationTests.Outcome perm = PermutationTests.run(samples, seed, parallel, permutations);
    return new Result(
        samples.length(), k, alph, lit, bit, hOriginal, hBitstring, assessed, chi, lrs, perm,
        samples.warnings());
  }
}
