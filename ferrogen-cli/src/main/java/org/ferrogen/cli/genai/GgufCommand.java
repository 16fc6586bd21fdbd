package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.genai.gguf.GgmlCodec;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.genai.model.LlamaGguf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferrogen gguf}: inspect GGUF files and write random-weight models. */
@Command(name = "gguf", mixinStandardHelpOptions = true, description = "Inspect and write GGUF model files.",
    footer = {"%nExample:%n  ferrogen gguf info models/ferrogen-kjv.gguf"},
    subcommands = {GgufCommand.Info.class, GgufCommand.Random.class, GgufCommand.Quantize.class})
public final class GgufCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = {"List a GGUF file's metadata and tensors "
      + "(any ggml type) and say which tensor types this build can run."},
      footer = {"%nExample:%n  ferrogen gguf info models/ferrogen-kjv.gguf --json"})
  static final class Info implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "GGUF file.")
    Path file;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such GGUF file: " + file);
      }
      GgufFile f = GgufFile.open(file);
      PrintWriter out = spec.commandLine().getOut();
      long bytes = 0;
      long elements = 0;
      java.util.Set<GgmlType> notRunnable = new java.util.TreeSet<>();
      for (GgufTensor t : f.tensors().values()) {
        bytes += t.byteSize();
        elements += t.elementCount();
        if (!t.type().runnable()) {
          notRunnable.add(t.type());
        }
      }
      if (common.json()) {
        ObjectNode node = Json.object();
        node.put("file", file.toString());
        node.put("version", f.version());
        node.put("data_offset", f.dataStart());
        node.put("parameters", elements);
        node.put("tensor_bytes", bytes);
        node.put("runnable", notRunnable.isEmpty());
        ArrayNode nr = node.putArray("types_not_runnable");
        notRunnable.forEach(t -> nr.add(t.name()));
        ArrayNode rt = node.putArray("types_this_build_runs");
        GgmlType.runnableTypes().forEach(t -> rt.add(t.name()));
        // Metadata keys are data ("general.architecture"), so they are values, not JSON keys.
        ArrayNode md = node.putArray("metadata");
        for (Map.Entry<String, GgufValue> e : f.metadata().entrySet()) {
          md.addObject().put("key", e.getKey()).put("value", e.getValue().describe());
        }
        ArrayNode ts = node.putArray("tensors");
        for (GgufTensor t : f.tensors().values()) {
          ObjectNode tn = ts.addObject();
          tn.put("name", t.name());
          tn.put("type", t.type().name());
          tn.put("runnable", t.type().runnable());
          tn.putPOJO("dimensions", t.dimensions());
          tn.put("offset", t.offset());
          tn.put("bytes", t.byteSize());
        }
        common.printJson(node);
      } else {
        out.printf("%s: GGUF v%d, %d metadata keys, %d tensors, %d parameters, %d bytes of tensor data%n", file,
            f.version(), f.metadata().size(), f.tensors().size(), elements, bytes);
        for (Map.Entry<String, GgufValue> e : f.metadata().entrySet()) {
          out.printf("  %-45s %s%n", e.getKey(), e.getValue().describe());
        }
        for (GgufTensor t : f.tensors().values()) {
          out.printf("  %-35s %-7s %-22s offset %d%s%n", t.name(), t.type(), java.util.Arrays.toString(t.dimensions()),
              t.offset(), t.type().runnable() ? "" : "  (type not runnable by this build)");
        }
        out.printf("tensor types this build runs: %s%n", GgmlType.runnableNames());
        if (!notRunnable.isEmpty()) {
          out.printf("this file holds types it cannot run: %s%n", notRunnable);
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "random", mixinStandardHelpOptions = true,
      description = "Write a Llama GGUF of random weights of about a given size (for speed measurements).",
      footer = {"%nExample:%n  ferrogen gguf random --param-count 100M --type q8_0 -o random-100m.gguf"})
  static final class Random implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--param-count", required = true, paramLabel = "N", description = "Approximate parameter count, e.g. 100M, 1.5G, 500K.")
    String params;

    @Option(names = "--type", paramLabel = "TYPE", description = "Matrix type: f32, f16, bf16, q8_0, q4_0, q4_1, "
        + "q5_0, q5_1, q4_k, q6_k; K-quant rows that are not a multiple of 256 fall back as llama.cpp's do "
        + "(default: ${DEFAULT-VALUE}).")
    String type = "q8_0";

    @Option(names = "--vocab", paramLabel = "N", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab = 32000;

    @Option(names = "--context-length", paramLabel = "N", description = "The model's context length in tokens (default: ${DEFAULT-VALUE}).")
    int context = 2048;

    @Mixin SeedOption seed;

    @Mixin CommonOptions common;

    /** The --json summary. */
    record Written(String file, long parameters, int dim, int layers, int ffnDim, int heads, int vocabSize,
        int contextLength, String type, long seed) {}

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output GGUF file.")
    Path output;

    @Override
    public Integer call() throws Exception {
      long n = parseCount(params);
      GgmlType t = writableType(type);
      LlamaConfig c = LlamaGguf.sizedConfig(n, vocab, context);
      long weightsSeed = seed.value();
      AtomicOutput.write(output, os -> LlamaGguf.randomWriter(c, t, weightsSeed).write(os));
      if (common.json()) {
        common.printJson(new Written(output.toString(), c.parameterCount(), c.dim(), c.layers(), c.ffnDim(),
            c.heads(), c.vocabSize(), context, t.toString(), weightsSeed));
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("wrote %s: %d parameters (dim %d, %d layers, ffn %d, %d heads, vocab %d), %s matrices, seed %d%n", output,
          c.parameterCount(), c.dim(), c.layers(), c.ffnDim(), c.heads(), c.vocabSize(), t, weightsSeed);
      out.flush();
      return 0;
    }

    static long parseCount(String s) {
      String v = s.trim().toUpperCase();
      double mult = 1;
      if (v.endsWith("K")) {
        mult = 1e3;
      } else if (v.endsWith("M")) {
        mult = 1e6;
      } else if (v.endsWith("G") || v.endsWith("B")) {
        mult = 1e9;
      }
      try {
        double x = Double.parseDouble(mult == 1 ? v : v.substring(0, v.length() - 1)) * mult;
        if (!(x >= 1e4 && x <= 1e11)) {
          throw new IllegalArgumentException("--param-count " + s + " is out of range (10K to 100G)");
        }
        return (long) x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--param-count '" + s + "' is not a count such as 100M");
      }
    }
  }

  /** A type {@code GgmlCodec} can write, parsed from a user-facing name. */
  static GgmlType writableType(String name) {
    GgmlType t = GgmlType.parse(name);
    if (!GgmlCodec.canEncode(t)) {
      throw new IllegalArgumentException("--type " + name + " cannot be written (writable: "
          + GgmlCodec.encodableTypes().toString().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return t;
  }

  @Command(footer = {"%nExample:%n  ferrogen gguf quantize -m models/ferrogen-kjv.gguf --type q4_k -o kjv-q4k.gguf"},
    name = "quantize", mixinStandardHelpOptions = true,
      description = {"Re-encode a GGUF model's matrices as another type (norms and metadata kept). Rows that "
          + "are not a multiple of a K-quant's 256 fall back as in llama.cpp (Q4_K -> Q5_0, Q6_K -> Q8_0)."})
  static final class Quantize implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "Input GGUF file.")
    Path model;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
        description = "Target type: f32, f16, bf16, q8_0, q4_0, q4_1, q5_0, q5_1, q4_k, q6_k.")
    String type;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output GGUF file.")
    Path output;

    @Override
    public Integer call() throws Exception {
      GgmlType t = writableType(type);
      GgufFile in = GgufFile.open(model);
      AtomicOutput.write(output, os -> LlamaGguf.requantized(in, t).write(os));
      GgufFile written = GgufFile.open(output);
      java.util.Map<GgmlType, Integer> counts = new java.util.TreeMap<>();
      for (GgufTensor tensor : written.tensors().values()) {
        counts.merge(tensor.type(), 1, Integer::sum);
      }
      if (common.json()) {
        ObjectNode node = Json.object();
        node.put("output", output.toString());
        node.put("type", t.name());
        ObjectNode byType = node.putObject("tensors_by_type");
        counts.forEach((type, count) -> byType.put(type.name(), count));
        common.printJson(node);
        return 0;
      }
      PrintWriter out = common.out();
      out.printf("wrote %s: tensors by type %s%n", output, counts);
      out.flush();
      return 0;
    }
  }
}
