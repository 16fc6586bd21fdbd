package org.ferrogen.trng.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.trng.SourceInfo;

/**
 * The hardware energy of the entropy pipeline beyond the raw cells: the SHA-256 conditioner and the
 * DRBG, in the one cost model ({@link CostCategory#ENTROPY}, the technology node's per-block
 * energies {@link TechnologyNode#sha256CompressionJoules()} and {@link
 * TechnologyNode#aesBlockJoules()}). One home for these counts: {@code trng assess} and the chip's
 * TRNG ledger both use it.
 *
 * <p>Block counts per mechanism (SP 800-90A Rev. 1): CTR_DRBG/AES-256 spends one AES block per 128
 * output bits and a 3-block update (seed length 384 bits) per reseed; Hash_DRBG/SHA-256 one
 * compression per 256 output bits (V of 440 bits plus padding fits one block) and about 6 per
 * reseed (two Hash_df outputs of three blocks); HMAC_DRBG/SHA-256 four compressions per 256 output
 * bits (inner and outer hash of one HMAC, each key block plus one message block) and about 10 per
 * reseed (two HMACs over V, a separator and the seed material). HMAC_DRBG/SHA-512 counts SHA-512
 * compressions as 2.5 SHA-256 ones (assumption: 80 rounds of 64-bit words against 64 of 32-bit).
 * The per-request update of CTR_DRBG is left out: the generators fetch output in large requests.
 */
public final class PipelineEnergy {

  /** SHA-256 message block, bits (FIPS 180-4). */
  static final int SHA256_BLOCK_BITS = 512;
  /** Bits SHA-256 appends to a message: a 1 bit and the 64-bit length (FIPS 180-4, 5.1.1). */
  static final int SHA256_PADDING_BITS = 65;
  /** Assumption: one SHA-512 compression costs 2.5 SHA-256 compressions. */
  static final double SHA512_OVER_SHA256 = 2.5;

  private PipelineEnergy() {}

  /**
   * The DRBG's hardware work: {@code blocksPerOutputByte} primitive blocks per output byte and
   * {@code blocksPerReseed} per reseed, each costing {@code joulesPerBlock}.
   */
  public record DrbgWork(String primitive, double blocksPerOutputByte, double blocksPerReseed, double joulesPerBlock) {
    public double joulesPerOutputBit() {
      return blocksPerOutputByte * joulesPerBlock / 8;
    }
  }

  /** The hardware work of {@code mechanism} on {@code node}. */
  public static DrbgWork drbgWork(DrbgMechanism mechanism, TechnologyNode node) {
    double sha = node.sha256CompressionJoules();
    return switch (mechanism) {
      case CTR_AES256 -> new DrbgWork("AES-256", 1.0 / 16, 3, node.aesBlockJoules());
      case HASH_SHA256 -> new DrbgWork("SHA-256", 1.0 / 32, 6, sha);
      case HMAC_SHA256 -> new DrbgWork("SHA-256", 4.0 / 32, 10, sha);
      case HMAC_SHA512 -> new DrbgWork("SHA-512", 4.0 / 64, 10, SHA512_OVER_SHA256 * sha);
    };
  }

  /** SHA-256 compressions for one conditioned 256-bit block: raw bits packed densely, plus padding. */
  public static int compressionsPerConditionedBlock(int samplesPerBlock, int bitsPerSample) {
    long bits = (long) samplesPerBlock * bitsPerSample + SHA256_PADDING_BITS;
    return (int) ((bits + SHA256_BLOCK_BITS - 1) / SHA256_BLOCK_BITS);
  }

  /**
   * Energy of one full-entropy bit delivered through the pipeline, by item: its raw samples (cells
   * and periphery), its share of the conditioner's compressions, and one output bit of the DRBG.
   *
   * @param info the raw source (its energy per sample)
   * @param samplesPerBlock raw samples per full-entropy 256-bit conditioned block
   */
  public static List<CostItem> perFullEntropyBit(SourceInfo info, int samplesPerBlock, DrbgMechanism mechanism,
      TechnologyNode node) {
    List<CostItem> items = new ArrayList<>();
    double rawSamplesPerBit = samplesPerBlock / 256.0;
    for (CostItem i : info.energy()) {
      items.add(new CostItem(i.category(), "raw: " + i.component(), i.joules() * rawSamplesPerBit, i.basis()));
    }
    items.add(conditioner(compressionsPerConditionedBlock(samplesPerBlock, info.bitsPerSample()) / 256.0, node));
    DrbgWork drbg = drbgWork(mechanism, node);
    items.add(drbg(drbg, drbg.joulesPerOutputBit(), mechanism, node));
    return items;
  }

  /**
   * Energy of one DRBG output bit when the DRBG stretches its seed: the primitive's blocks per bit
   * plus each reseed's share (one conditioned full-entropy 256-bit block with its raw samples, and
   * the reseed's own blocks) over {@code reseedAfterBytes}.
   */
  public static double perDrbgOutputBit(SourceInfo info, int samplesPerBlock, PipelineConfig config,
      TechnologyNode node) {
    DrbgWork drbg = drbgWork(config.drbg(), node);
    double conditionedBlock = samplesPerBlock * info.energyPerSampleJoules()
        + compressionsPerConditionedBlock(samplesPerBlock, info.bitsPerSample()) * node.sha256CompressionJoules();
    double reseed = conditionedBlock + drbg.blocksPerReseed() * drbg.joulesPerBlock();
    return drbg.joulesPerOutputBit() + reseed / (8.0 * config.reseedAfterBytes());
  }

  /**
   * Energy of everything a pipeline produced so far, by item: raw samples, conditioner
   * compressions, and the DRBG's blocks for its output bytes and reseeds.
   */
  public static List<CostItem> produced(PipelineStatus status, SourceInfo info, int samplesPerBlock,
      DrbgMechanism mechanism, TechnologyNode node) {
    List<CostItem> items = new ArrayList<>();
    for (CostItem i : info.energy()) {
      items.add(new CostItem(i.category(), "raw: " + i.component(), i.joules() * status.rawSamples(), i.basis()));
    }
    int compressions = compressionsPerConditionedBlock(samplesPerBlock, info.bitsPerSample());
    items.add(conditioner((double) status.conditionedBlocks() * compressions, node));
    DrbgWork drbg = drbgWork(mechanism, node);
    double blocks = Math.ceil(status.outputBytes() * drbg.blocksPerOutputByte())
        + drbg.blocksPerReseed() * status.reseeds();
    items.add(drbg(drbg, blocks * drbg.joulesPerBlock(), mechanism, node));
    return items;
  }

  private static CostItem conditioner(double compressions, TechnologyNode node) {
    return new CostItem(CostCategory.ENTROPY, "SHA-256 conditioner", compressions * node.sha256CompressionJoules(),
        "assumption: SHA-256 compression counted in " + node.name() + " adder and flip-flop energies (TechnologyNode)");
  }

  private static CostItem drbg(DrbgWork work, double joules, DrbgMechanism mechanism, TechnologyNode node) {
    return new CostItem(CostCategory.ENTROPY, "DRBG (" + mechanism.displayName() + ")", joules,
        "assumption: " + work.primitive() + " blocks (SP 800-90A) at " + node.name() + " energies (TechnologyNode)");
  }
}
