package org.ferrogen.cli.chip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cli.options.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ferrogen chip show NAME|FILE}: the fully resolved spec as YAML that reads back, every field
 * commented with its unit, meaning and source (from the {@code fields.tsv} resource beside the
 * presets, which docs/chip.md mirrors).
 */
@Command(footer = {"%nExample:%n  ferrogen chip show cea-leti-hybrid"},
    name = "show", mixinStandardHelpOptions = true,
    description = "Print a chip spec (preset name or YAML file) fully resolved, every field commented with unit, meaning and source.")
public final class ChipShowCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(paramLabel = "NAME|FILE", description = "Preset name or spec file.")
  String spec;

  @Override
  public Integer call() throws IOException {
    ChipSpec resolved = ChipSpecs.resolve(spec);
    if (common.json()) {
      common.printJson(ChipSpecs.toTree(resolved));
      return 0;
    }
    common.out().print(commented(resolved, fieldDocs()));
    common.out().flush();
    return 0;
  }

  /** The spec as YAML with a comment on every field. */
  static String commented(ChipSpec spec, Map<String, String> docs) {
    StringBuilder sb = new StringBuilder();
    sb.append("# chip spec ").append(spec.name()).append(" (fully resolved; `ferrogen chip show` reads it back)\n");
    write(sb, ChipSpecs.toTree(spec), "", 0, docs, false);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonNode node, String path, int indent, Map<String, String> docs, boolean firstInItem) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    boolean first = firstInItem;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      String pad = first ? "" : " ".repeat(indent);
      first = false;
      JsonNode v = e.getValue();
      String doc = docs.get(p);
      if (v.isObject()) {
        sb.append(pad).append(e.getKey()).append(":").append(comment(doc)).append('\n');
        write(sb, v, p, indent + 2, docs, false);
      } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
        sb.append(pad).append(e.getKey()).append(":").append(comment(doc)).append('\n');
        for (JsonNode item : v) {
          sb.append(" ".repeat(indent + 2)).append("- ");
          write(sb, item, p, indent + 4, docs, true);
        }
      } else {
        sb.append(pad).append(e.getKey()).append(": ").append(scalar(v)).append(comment(doc)).append('\n');
      }
    }
  }

  private static String scalar(JsonNode v) {
    if (v.isTextual()) {
      String s = v.asText();
      return s.isEmpty() || s.matches(".*[:#\\[\\]{},].*|^[0-9.eE+-]+$|true|false|null") ? "\"" + s.replace("\"", "\\\"") + "\"" : s;
    }
    return v.toString();
  }

  private static String comment(String doc) {
    return doc == null ? "" : "  # " + doc;
  }

  /** path → "unit — meaning (source)" from the fields table. */
  static Map<String, String> fieldDocs() throws IOException {
    Map<String, String> docs = new LinkedHashMap<>();
    try (InputStream in = ChipSpecs.class.getResourceAsStream("/org/ferrogen/chip/fields.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource org/ferrogen/chip/fields.tsv is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw new IllegalStateException("fields.tsv: expected 4 tab-separated columns: " + line);
        }
        docs.put(f[0], (f[1].isEmpty() ? "" : "[" + f[1] + "] ") + f[2] + (f[3].isEmpty() ? "" : " (" + f[3] + ")"));
      }
    }
    return docs;
  }
}
