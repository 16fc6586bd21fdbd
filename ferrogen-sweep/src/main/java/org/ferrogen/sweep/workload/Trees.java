package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper the workloads use to turn configuration records into trees. */
public final class Trees {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Trees() {}

  public static ObjectNode tree(Object value) {
    return JSON.valueToTree(value);
  }
}
