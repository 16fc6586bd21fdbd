package org.ferrogen.randomness.sp80022;

/**
 * Every adjustable parameter of the battery. {@link #defaults()} gives the STS 2.1.2 defaults; a
 * value of 0 for {@code longestRunBlockLength}, {@code universalBlockLength} or
 * {@code universalInitBlocks} means "chosen from the stream length as the STS does".
 *
 * @param blockFrequencyBlockLength M of the block frequency test (STS default 128)
 * @param nonOverlappingTemplateLength m of the non-overlapping template test (9: 148 templates)
 * @param nonOverlappingBlockCount N, the number of blocks of the non-overlapping template test (8)
 * @param overlappingTemplateLength m of the overlapping template test (9; the template is m ones)
 * @param overlappingBlockLength M of the overlapping template test (1032)
 * @param approximateEntropyBlockLength m of the approximate entropy test (10)
 * @param serialBlockLength m of the serial test (16)
 * @param linearComplexityBlockLength M of the linear complexity test (500)
 * @param rankRows rows of the rank test's matrices (32)
 * @param rankColumns columns of the rank test's matrices (32)
 * @param longestRunBlockLength M of the longest-run test: 8, 128 or 10000, or 0 to pick from n
 * @param universalBlockLength L of Maurer's universal test (6 to 16), or 0 to pick from n
 * @param universalInitBlocks Q of the universal test (at least 10·2^L), or 0 for 10·2^L
 * @param alpha significance level of the final analysis (0.01)
 */
public record Sp80022Parameters(
    int blockFrequencyBlockLength,
    int nonOverlappingTemplateLength,
    int nonOverlappingBlockCount,
    int overlappingTemplateLength,
    int overlappingBlockLength,
    int approximateEntropyBlockLength,
    int serialBlockLength,
    int linearComplexityBlockLength,
    int rankRows,
    int rankColumns,
    int longestRunBlockLength,
    int universalBlockLength,
    int universalInitBlocks,
    double alpha) {

  public Sp80022Parameters {
    positive("blockFrequencyBlockLength", blockFrequencyBlockLength);
    range("nonOverlappingTemplateLength", nonOverlappingTemplateLength, 2, 21);
    positive("nonOverlappingBlockCount", nonOverlappingBlockCount);
    range("overlappingTemplateLength", overlappingTemplateLength, 1, 30);
    positive("overlappingBlockLength", overlappingBlockLength);
    range("approximateEntropyBlockLength", approximateEntropyBlockLength, 1, 24);
    range("serialBlockLength", serialBlockLength, 2, 25);
    positive("linearComplexityBlockLength", linearComplexityBlockLength);
    range("rankRows", rankRows, 1, 64);
    range("rankColumns", rankColumns, 1, 64);
    if (longestRunBlockLength != 0 && longestRunBlockLength != 8 && longestRunBlockLength != 128
        && longestRunBlockLength != 10000) {
      throw new IllegalArgumentException(
          "longestRunBlockLength must be 8, 128, 10000 or 0 (from n), got " + longestRunBlockLength);
    }
    if (universalBlockLength != 0) {
      range("universalBlockLength", universalBlockLength, 6, 16);
    }
    if (universalInitBlocks < 0) {
      throw new IllegalArgumentException("universalInitBlocks must be >= 0, got " + universalInitBlocks);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }

  /** The STS 2.1.2 defaults. */
  public static Sp80022Parameters defaults() {
    return new Sp80022Parameters(128, 9, 8, 9, 1032, 10, 16, 500, 32, 32, 0, 0, 0, 0.01);
  }

  public Sp80022Parameters withBlockFrequencyBlockLength(int m) {
    return new Sp80022Parameters(m, nonOverlappingTemplateLength, nonOverlappingBlockCount,
        overlappingTemplateLength, overlappingBlockLength, approximateEntropyBlockLength,
        serialBlockLength, linearComplexityBlockLength, rankRows, rankColumns,
        longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withNonOverlappingTemplate(int templateLength, int blockCount) {
    return new Sp80022Parameters(blockFrequencyBlockLength, templateLength, blockCount,
        overlappingTemplateLength, overlappingBlockLength, approximateEntropyBlockLength,
        serialBlockLength, linearComplexityBlockLength, rankRows, rankColumns,
        longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withOverlappingTemplate(int templateLength, int blockLength) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, templateLength, blockLength, approximateEntropyBlockLength,
        serialBlockLength, linearComplexityBlockLength, rankRows, rankColumns,
        longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withApproximateEntropyBlockLength(int m) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength, m,
        serialBlockLength, linearComplexityBlockLength, rankRows, rankColumns,
        longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withSerialBlockLength(int m) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength,
        approximateEntropyBlockLength, m, linearComplexityBlockLength, rankRows, rankColumns,
        longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withLinearComplexityBlockLength(int m) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength,
        approximateEntropyBlockLength, serialBlockLength, m, rankRows, rankColumns,
        longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withRankMatrix(int rows, int columns) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength,
        approximateEntropyBlockLength, serialBlockLength, linearComplexityBlockLength, rows,
        columns, longestRunBlockLength, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withLongestRunBlockLength(int m) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength,
        approximateEntropyBlockLength, serialBlockLength, linearComplexityBlockLength, rankRows,
        rankColumns, m, universalBlockLength, universalInitBlocks, alpha);
  }

  public Sp80022Parameters withUniversal(int blockLength, int initBlocks) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength,
        approximateEntropyBlockLength, serialBlockLength, linearComplexityBlockLength, rankRows,
        rankColumns, longestRunBlockLength, blockLength, initBlocks, alpha);
  }

  public Sp80022Parameters withAlpha(double a) {
    return new Sp80022Parameters(blockFrequencyBlockLength, nonOverlappingTemplateLength,
        nonOverlappingBlockCount, overlappingTemplateLength, overlappingBlockLength,
        approximateEntropyBlockLength, serialBlockLength, linearComplexityBlockLength, rankRows,
        rankColumns, longestRunBlockLength, universalBlockLength, universalInitBlocks, a);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
