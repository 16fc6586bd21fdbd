package org.ferrogen.device.params;

/**
 * One complete, immutable parameter set of a ferroelectric device technology with its source.
 * {@link #fefet()} and {@link #memristor()} are null where the source describes no such device.
 */
public record DeviceParams(
    String name,
    String citation,
    FilmParams film,
    KineticsParams kinetics,
    AgeingParams ageing,
    FeCapCircuitParams fecap,
    FeFetParams fefet,
    MemristorParams memristor) {

  public DeviceParams {
    Check.present("name", name);
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Check.present("citation", citation);
    Check.present("film", film);
    Check.present("kinetics", kinetics);
    Check.present("ageing", ageing);
    Check.present("fecap", fecap);
  }

  /** The same set with another device area (the domain count follows). */
  public DeviceParams withArea(double areaM2) {
    return new DeviceParams(
        name, citation, film.withArea(areaM2), kinetics, ageing, fecap, fefet, memristor);
  }

  /** The FeFET section, or an exception naming the set when it has none. */
  public FeFetParams requireFefet() {
    if (fefet == null) {
      throw new IllegalArgumentException("parameter set '" + name + "' has no fefet section");
    }
    return fefet;
  }

  /** The memristor section, or an exception naming the set when it has none. */
  public MemristorParams requireMemristor() {
    if (memristor == null) {
      throw new IllegalArgumentException("parameter set '" + name + "' has no memristor section");
    }
    return memristor;
  }
}
