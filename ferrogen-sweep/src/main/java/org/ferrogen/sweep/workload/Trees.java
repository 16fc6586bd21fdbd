package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper the workloads use to turn configuration records into trees. */
final class Trees {
  static final ObjectMapper JSON = new ObjectMapper();

  private Trees() {}

  static ObjectNode tree(Object value) {
    return JSON.valueToTree(value);
  }
}
