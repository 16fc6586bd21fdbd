package org.ferrogen.device.hybrid;

import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * A rows × cols array of the hybrid synapses of Martemucci et al. (Nature Electronics 8, 921, 2025):
 * each synapse = 14 unit FeCAPs holding a 10-bit sign-magnitude hidden weight (sign, 3 MSBs in cells
 * of 4, 2 and 1 unit capacitors, 6 LSBs) and 2 memristors holding the analog weight G+ − G− = sign +
 * 3 MSBs (15 levels, −7…+7).
 *
 * <p>An update ({@link #add}) reads the hidden word (10 destructive reads with write-back, one cycle
 * each, as {@link org.ferrogen.device.fecap.FeCap#read()} counts them) and writes the bits that
 * change (one cycle each). A transfer ({@link #transfer}) re-programs the memristors of the synapses
 * whose sign + 3 MSBs changed since their last transfer (ASSUMPTION: the update logic sees the
 * carry into the MSBs and flags the synapse; the paper's k = 100 vs k = 1 energy ratio of 38 rather
 * than 100 implies that unchanged synapses are not re-programmed): it reads the sign and the 3 MSB
 * FeCAPs (4 destructive reads), RESETs the active memristor and SETs it with the compliance current
 * of the {@link ChargeSharingTransfer}, or leaves it RESET for code 0; a sign change also RESETs the
 * previously active side. Per-cell cycle counts, operation counts and the device model's energies
 * ({@link FeCapOperationEnergy}, {@link MemristorArray}) are kept. Sense-amplifier errors are not
 * modelled (the CEA arrays' 120 mV worst memory window is 12 offset σ of the default sense amplifier).
 * Not thread-safe.
 */
public final class HybridSynapseArray {

  /** Bits of the hidden weight: sign + 9 magnitude bits (Martemucci 2025). */
  public static final int HIDDEN_BITS = 10;
  /** Largest hidden magnitude, 2^9 − 1. */
  public static final int MAX_MAGNITUDE = 511;
  /** The 3 MSBs are magnitude bits 8, 7, 6. */
  public static final int MSB_SHIFT = 6;
  /** Largest analog code, 7. */
  public static final int MAX_CODE = 7;
  private static final int SIGN_BIT = 9;
  /** FeCAPs read by a transfer: sign and the 3 MSBs. */
  public static final int TRANSFER_READS = 4;
  /** Mask of the cells a transfer reads (sign and magnitude bits 8…6). */
  private static final int TRANSFER_MASK = (1 << SIGN_BIT) | (7 << MSB_SHIFT);

  private final int rows;
  private final int cols;
  private final short[] words;
  private final int[] updateReads;
  private final int[] transferReads;
  private final int[] cellWrites;
  private final boolean[] dirty;
  private final int[] dirtyList;
  private int dirtyCount;
  private final DifferentialPairs pairs;
  private final ChargeSharingTransfer transfer;
  private final boolean transferVariability;
  private final RandomGenerator rng;
  /** Device-model energy of reading a whole word, by its 10-bit pattern. */
  private final double[] readEnergy = new double[1 << HIDDEN_BITS];
  /** Device-model energy of writing the flipped bits, by the mask of flipped bits. */
  private final double[] writeEnergy = new double[1 << HIDDEN_BITS];
  private long updates;
  private long fecapReads;
  private long fecapWrites;
  private long synapseTransfers;
  private double updateEnergy;
  private double transferFecapEnergy;

  /**
   * @param params device set with film, fecap and memristor sections (e.g. cea-leti-2025)
   * @param conductanceSigmaS σ_G of the memristor SET (the set's own value, 8.7 µS for CEA, is the
   *     paper's; 0 switches programming variability off)
   * @param transferVariability whether the charge-shared transfer-line voltage varies device to device
   * @param rng stream of the programming randomness (RESET states, SET spread, line voltages)
   */
  public HybridSynapseArray(
      DeviceParams params,
      int rows,
      int cols,
      double conductanceSigmaS,
      boolean transferVariability,
      ChargeSharingTransfer transfer,
      FeCapOperationEnergy energies,
      RandomGenerator rng) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("synapse array " + rows + "×" + cols + ": both sides must be >= 1");
    }
    int n = Math.multiplyExact(rows, cols);
    this.rows = rows;
    this.cols = cols;
    this.words = new short[n];
    this.updateReads = new int[n];
    this.transferReads = new int[n];
    this.cellWrites = new int[Math.multiplyExact(n, HIDDEN_BITS)];
    this.dirty = new boolean[n];
    this.dirtyList = new int[n];
    MemristorParams m = params.requireMemristor().withConductanceSigmaS(conductanceSigmaS);
    this.pairs = new DifferentialPairs(m, n, rng);
    this.transfer = transfer;
    this.transferVariability = transferVariability;
    this.rng = rng;
    for (int pattern = 0; pattern < 1 << HIDDEN_BITS; pattern++) {
      for (int b = 0; b < HIDDEN_BITS; b++) {
        int a = FeCapOperationEnergy.areaIndex(units(b));
        boolean one = ((pattern >>> b) & 1) != 0;
        readEnergy[pattern] += one ? energies.readOneJ()[a] : energies.readZeroJ()[a];
        writeEnergy[pattern] += one ? energies.writeFlipJ()[a] : 0;
      }
    }
  }

  /** Unit capacitors of hidden-weight cell {@code bit}: 4, 2, 1 for the MSBs 8, 7, 6, else 1. */
  public static int units(int bit) {
    return bit >= MSB_SHIFT && bit < SIGN_BIT ? 1 << (bit - MSB_SHIFT) : 1;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int size() {
    return words.length;
  }

  /** Hidden weight of synapse {@code i} as a signed integer −511…511. */
  public int value(int i) {
    int w = words[i];
    int magnitude = w & MAX_MAGNITUDE;
    return (w >>> SIGN_BIT & 1) != 0 ? -magnitude : magnitude;
  }

  /** Analog code of a hidden value: sign × its 3 MSBs, −7…7. */
  public static int code(int value) {
    int m = Math.abs(value) >>> MSB_SHIFT;
    return value < 0 ? -m : m;
  }

  /** Code the memristors of synapse {@code i} were last programmed to. */
  public int programmedCode(int i) {
    return pairs.code(i);
  }

  private static short word(int value) {
    int v = Math.max(-MAX_MAGNITUDE, Math.min(MAX_MAGNITUDE, value));
    return (short) (v < 0 ? (1 << SIGN_BIT) | -v : v);
  }

  /**
   * Adds {@code delta} to the hidden weight of synapse {@code i} (saturating at ±511): a read of the
   * word and a write of its changed bits. Returns true when the analog code changed (the synapse is
   * then flagged for the next transfer).
   */
  public boolean add(int i, int delta) {
    int old = words[i];
    updates++;
    updateReads[i]++;
    fecapReads += HIDDEN_BITS;
    updateEnergy += readEnergy[old];
    int before = value(i);
    return store(i, word(before + delta), before);
  }

  /** Writes {@code value} (clamped to ±511) without a read, e.g. the initial weights. */
  public boolean write(int i, int value) {
    return store(i, word(value), value(i));
  }

  private boolean store(int i, short next, int before) {
    int flipped = (words[i] ^ next) & ((1 << HIDDEN_BITS) - 1);
    if (flipped == 0) {
      return false;
    }
    words[i] = next;
    fecapWrites += Integer.bitCount(flipped);
    updateEnergy += writeEnergy[flipped];
    int base = i * HIDDEN_BITS;
    for (int f = flipped; f != 0; f &= f - 1) {
      cellWrites[base + Integer.numberOfTrailingZeros(f)]++;
    }
    boolean changed = code(before) != code(value(i));
    if (changed && !dirty[i]) {
      dirty[i] = true;
      dirtyList[dirtyCount++] = i;
    }
    return changed;
  }

  /** Flags every synapse for the next transfer (the first programming of the memristors). */
  public void flagAll() {
    for (int i = 0; i < words.length; i++) {
      if (!dirty[i]) {
        dirty[i] = true;
        dirtyList[dirtyCount++] = i;
      }
    }
  }

  /** Synapses waiting for a transfer. */
  public int pending() {
    return dirtyCount;
  }

  /**
   * Transfers the flagged synapses' sign + 3 MSBs to their memristor pairs; {@code reprogrammed}
   * receives each synapse index. Returns the number of synapses transferred.
   */
  public int transfer(IntConsumer reprogrammed) {
    int count = dirtyCount;
    for (int d = 0; d < count; d++) {
      int i = dirtyList[d];
      dirty[i] = false;
      transferReads[i]++;
      fecapReads += TRANSFER_READS;
      transferFecapEnergy += readEnergy[words[i] & TRANSFER_MASK];
      int c = code(value(i));
      pairs.program(i, c, c == 0 ? 0 : transfer.compliance(Math.abs(c), transferVariability, rng), rng);
      synapseTransfers++;
      reprogrammed.accept(i);
    }
    dirtyCount = 0;
    return count;
  }

  public double conductancePlus(int i) {
    return pairs.plus(i);
  }

  public double conductanceMinus(int i) {
    return pairs.minus(i);
  }

  public DifferentialPairs pairs() {
    return pairs;
  }

  /** Cycles of hidden-weight cell {@code bit} of synapse {@code i}: its reads plus its writes. */
  public long cellCycles(int i, int bit) {
    long c = (long) updateReads[i] + cellWrites[i * HIDDEN_BITS + bit];
    if (((TRANSFER_MASK >>> bit) & 1) != 0) {
      c += transferReads[i];
    }
    return c;
  }

  /** Largest cycle count of any FeCAP cell. */
  public long maxFecapCycles() {
    long m = 0;
    for (int i = 0; i < words.length; i++) {
      for (int b = 0; b < HIDDEN_BITS; b++) {
        m = Math.max(m, cellCycles(i, b));
      }
    }
    return m;
  }

  /** Largest cycle count (SETs) of any memristor. */
  public int maxMemristorCycles() {
    return pairs.maxCycles();
  }

  /** Hidden-weight updates applied. */
  public long updates() {
    return updates;
  }

  /** FeCAP cell reads (each with its write-back), updates and transfers. */
  public long fecapReads() {
    return fecapReads;
  }

  /** FeCAP cell writes (flipped bits). */
  public long fecapWrites() {
    return fecapWrites;
  }

  /** Synapses transferred so far. */
  public long synapseTransfers() {
    return synapseTransfers;
  }

  /** Memristor RESETs and SETs so far. */
  public long memristorOperations() {
    return pairs.operations();
  }

  /** Device-model energy of the hidden-weight updates (reads and writes), joules. */
  public double updateEnergyJoules() {
    return updateEnergy;
  }

  /** Device-model energy of the transfers: the 4 FeCAP reads and the memristor RESETs and SETs. */
  public double transferEnergyJoules() {
    return transferFecapEnergy + pairs.energyJoules();
  }
}
