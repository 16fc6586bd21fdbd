package org.ferrogen.chip;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.cim.CellLibrary;
import org.ferrogen.cim.ChargeDomainCell;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.SampledProgrammingCell;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.jca.FerroGenProvider;

/**
 * The chip as one object, built from a {@link ChipSpec} and a seed. Workloads reach the hardware
 * only through it:
 *
 * <ul>
 *   <li><b>compute</b>: {@link #program} writes a named weight matrix onto the compute tiles and
 *       returns it as a {@link TiledAnalogMatrix} (an {@code AnalogMatrix}); a model that needs more
 *       tiles than the spec has is refused with both numbers;
 *   <li><b>entropy</b>: {@link #trng} (a metered {@code RandomGenerator}) and {@link #secureRandom};
 *   <li><b>memories</b>: the spec's FeCAP, memristor and hybrid synapse regions ({@link #spec()});
 *   <li><b>one ledger</b> ({@link #ledger()}) for all of it on one technology node.
 * </ul>
 *
 * <p>Seeds: every stream descends from the chip seed through {@link StreamSeeds}: matrix k's cells
 * and read noise from {@code derive(seed, MATRIX, k)}, the programming-outcome tables from {@code
 * derive(seed, REGION, 0)}, TRNG stream j from {@code derive(seed, TRNG, j)}.
 */
public final class Chip {

  /** Region index of the compute tiles in stream derivation. */
  private static final int TILES_REGION = 0;

  private final ChipSpec spec;
  private final long seed;
  private final CimConfig config;
  private final AnalogCell cell;
  private final ChipLedger ledger;
  private final Map<String, TiledAnalogMatrix> matrices = new LinkedHashMap<>();
  private final List<ChipTrng> trngs = new ArrayList<>();
  private final Map<String, SynapseRegion> synapseRegions = new LinkedHashMap<>();
  private int tilesUsed;
  private volatile LongConsumer progress = n -> {};

  /**
   * A chip of {@code spec}; {@code threads} for the matrix products and programming (0: all
   * processors).
   */
  public Chip(ChipSpec spec, long seed, int threads) {
    this.spec = spec;
    this.seed = seed;
    this.config = spec.cimConfig(threads);
    AnalogCell model = CellLibrary.create(config.cell());
    int samples = spec.tiles().programOutcomeSamples();
    this.cell = samples > 0 && !(model instanceof ChargeDomainCell)
        ? new SampledProgrammingCell(model, samples, StreamSeeds.derive(seed, StreamSeeds.REGION, TILES_REGION))
        : model;
    this.ledger = new ChipLedger(
        spec.technologyNode(), spec.digital().expMultiplyAdds(), spec.digital().divideMultiplyAdds());
  }

  public ChipSpec spec() {
    return spec;
  }

  public long seed() {
    return seed;
  }

  /** The compute tiles' configuration (cim's record, on the chip's technology). */
  public CimConfig tileConfig() {
    return config;
  }

  /** The cell model of the compute tiles. */
  public AnalogCell cell() {
    return cell;
  }

  public ChipLedger ledger() {
    return ledger;
  }

  /** Tiles a {@code rows} × {@code cols} matrix occupies with this chip's tile size. */
  public int tilesNeeded(int rows, int cols) {
    int rowTiles = (cols + config.tile().rows() - 1) / config.tile().rows();
    int colTiles = (rows + config.tile().cols() - 1) / config.tile().cols();
    return rowTiles * colTiles;
  }

  public synchronized int tilesUsed() {
    return tilesUsed;
  }

  public int tilesAvailable() {
    return spec.tiles().count();
  }

  /**
   * Places a {@code rows} × {@code cols} matrix named {@code name} on free tiles without programming
   * it (to {@link TiledAnalogMatrix#restore} saved cells into, or to program later).
   *
   * @throws IllegalArgumentException if the name is taken or the tiles do not suffice
   */
  public synchronized TiledAnalogMatrix allocate(String name, int rows, int cols) {
    if (matrices.containsKey(name)) {
      throw new IllegalArgumentException("matrix " + name + " is already on the chip");
    }
    int needed = tilesNeeded(rows, cols);
    if (tilesUsed + needed > spec.tiles().count()) {
      throw new IllegalArgumentException(
          "matrix " + name + " (" + rows + "x" + cols + ") needs " + needed + " tiles of "
              + config.tile().rows() + "x" + config.tile().cols() + " but only "
              + (spec.tiles().count() - tilesUsed) + " of the chip's " + spec.tiles().count()
              + " are free (" + spec.name() + ": tiles.count)");
    }
    long matrixSeed = StreamSeeds.derive(seed, StreamSeeds.MATRIX, matrices.size());
    TiledAnalogMatrix m = new TiledAnalogMatrix(config, cell, rows, cols, matrixSeed);
    matrices.put(name, m);
    tilesUsed += needed;
    ledger.track(m);
    return m;
  }

  /** Places and programs a weight matrix (rows × cols, row-major) by program-and-verify. */
  public TiledAnalogMatrix program(String name, int rows, int cols, float[] weights) {
    TiledAnalogMatrix m = allocate(name, rows, cols);
    m.program(weights);
    progress.accept((long) rows * cols);
    return m;
  }

  /** Receives the number of weights of each matrix as soon as it is programmed (progress bars). */
  public void onProgrammed(LongConsumer weights) {
    this.progress = weights;
  }

  /** The matrices on the chip, by name, in programming order. */
  public synchronized Map<String, TiledAnalogMatrix> matrices() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(matrices));
  }

  /**
   * A TRNG stream on the chip's TRNG units, metered into the ledger. With a seed the simulated
   * physics is reproducible (an experiment); empty: seeded from the host's SecureRandom.
   */
  public synchronized ChipTrng trng(OptionalLong noiseSeed) {
    OptionalLong derived = noiseSeed.isPresent()
        ? OptionalLong.of(StreamSeeds.derive(noiseSeed.getAsLong(), StreamSeeds.TRNG, trngs.size()))
        : OptionalLong.empty();
    ChipTrng t = new ChipTrng(spec.trng(), spec.technologyNode(), spec.environment().celsius(), derived);
    trngs.add(t);
    ledger.meter(t::cost);
    return t;
  }

  /** The TRNG streams opened so far. */
  public synchronized List<ChipTrng> trngs() {
    return List.copyOf(trngs);
  }

  /**
   * The hybrid FeCAP + memristor synapse region {@code name} (the spec's {@code synapseArrays}), or
   * the first one when {@code name} is null; on-chip learning places its matrices there.
   *
   * @throws IllegalArgumentException if the spec has no such region
   */
  public synchronized SynapseRegion synapseRegion(String name) {
    List<ChipSpec.SynapseArray> arrays = spec.synapseArrays();
    for (int i = 0; i < arrays.size(); i++) {
      ChipSpec.SynapseArray a = arrays.get(i);
      if (name == null || a.name().equals(name)) {
        // Region indices after the compute tiles' region 0.
        int index = i + 1;
        return synapseRegions.computeIfAbsent(a.name(), n -> new SynapseRegion(a, index, seed, ledger));
      }
    }
    throw new IllegalArgumentException("chip " + spec.name() + " has no synapse array"
        + (name == null ? "s (synapseArrays is empty)" : " named " + name + " (synapseArrays: "
            + arrays.stream().map(ChipSpec.SynapseArray::name).toList() + ")"));
  }

  /** The chip's TRNG design through the JCA ({@code FerroGen} provider), for keys and nonces. */
  public SecureRandom secureRandom() {
    try {
      return SecureRandom.getInstance(TrngDesign.byName(spec.trng().design()).algorithm(), new FerroGenProvider());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("FerroGen provider lacks " + spec.trng().design(), e);
    }
  }
}
