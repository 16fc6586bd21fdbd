package org.ferrogen.randomness.sp80090b;

/** Which view of the data an estimator ran on, with NIST's label for it. */
public enum Domain {
  /** The samples themselves (translated symbols). */
  LITERAL("Literal", "literal"),
  /** The samples written as a bitstring. */
  BITSTRING("Bitstring", "bitstring");

  private final String label;
  private final String jsonName;

  Domain(String label, String jsonName) {
    this.label = label;
    this.jsonName = jsonName;
  }

  /** The label NIST's ea_non_iid prints ("Literal" or "Bitstring"). */
  public String label() {
    return label;
  }

  /** The name used in JSON output ("literal" or "bitstring"). */
  public String jsonName() {
    return jsonName;
  }
}
