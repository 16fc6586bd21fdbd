package org.ferrogen.randomness.sp80090b;

import java.util.ArrayList;
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

  /**
   * Runs the IID track with 10,000 permutations; {@code seed} drives them, evaluated on {@code
   * threads} threads (the verdicts do not depend on the number).
   */
  public static Result assess(Samples samples, long seed, int threads) {
    return assess(samples, seed, threads, PermutationTests.PERMUTATIONS);
  }

  /** Runs the IID track with at most {@code permutations} permutations. */
  public static Result assess(Samples samples, long seed, int threads, int permutations) {
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
    PermutationTests.Outcome perm = PermutationTests.run(samples, seed, threads, permutations);
    List<String> warnings = new ArrayList<>(samples.warnings());
    String merged = mergedPairsWarning(chi.get(0), alph);
    if (merged != null) {
      warnings.add(merged);
    }
    return new Result(
        samples.length(), k, alph, lit, bit, hOriginal, hBitstring, assessed, chi, lrs, perm,
        warnings);
  }

  /**
   * The independence test of non-binary data (5.2.1) merges symbol pairs into bins of expectation
   * at least 5 when there are too few samples for one bin per pair (fewer than about 5 k^2 / p_min^2
   * pairs: for 8-bit symbols, under 10^6 samples). NIST's {@code ea_iid}, and this class with it,
   * then still takes q - k degrees of freedom for q bins. That subtraction is right when every pair
   * has its own bin (k - 1 proportions estimated, plus the total), but with merged bins the
   * statistic's mean stays near q - 1, so the test rejects random data: 10^4 random 8-bit samples
   * give about 990 bins, T about 935 on 735 degrees of freedom, P = 1e-5 to 1e-13. The verdict is
   * kept as the tool computes it; this says why it may be a false rejection.
   */
  static String mergedPairsWarning(ChiSquareTests.Outcome independence, int alphabetSize) {
    int pairs = alphabetSize * alphabetSize;
    int bins = independence.degreesOfFreedom() + alphabetSize;
    if (alphabetSize <= 2 || bins >= pairs) {
      return null;
    }
    return String.format(
        "chi-square independence: too few samples for one bin per symbol pair, so the %d pairs "
            + "were merged into %d bins; NIST's ea_iid (followed here) then still uses bins - %d = %d "
            + "degrees of freedom, which is too few, and random data often fail this test "
            + "(P-value %.3g). SP 800-90B asks for at least 1,000,000 samples",
        pairs, bins, alphabetSize, independence.degreesOfFreedom(), independence.pValue());
  }
}
