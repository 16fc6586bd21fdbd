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
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.genai.model.LlamaConfig;
import org.ferrogen.genai.model.LlamaGguf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferrogen gguf}: inspect GGUF files and write random-weight models. */
@Command(name = "gguf", mixinStandardHelpOptions = true, description = "Inspect and write GGUF model files.",
    subcommands = {GgufCommand.Info.class, GgufCommand.Random.class})
public final class GgufCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = "List a GGUF file's metadata and tensors.",
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
      for (GgufTensor t : f.tensors().values()) {
        bytes += t.byteSize();
        elements += t.elementCount();
      }
      if (common.json()) {
        ObjectNode node = Json.object();
        node.put("file", file.toString());
        node.put("version", f.version());
        node.put("data_offset", f.dataStart());
        node.put("parameters", elements);
        node.put("tensor_bytes", bytes);
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
          out.printf("  %-35s %-5s %-22s offset %d%n", t.name(), t.type(), java.util.Arrays.toString(t.dimensions()),
              t.offset());
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

    @Option(names = "--type", paramLabel = "TYPE", description = "Matrix type: f32, f16, bf16, q8_0, q4_0 (default: ${DEFAULT-VALUE}).")
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
      GgmlType t = GgmlType.parse(type);
      LlamaConfig c = LlamaGguf.sizedConfig(n, vocab, context);
      long weightsSeed = seed.value();
      AtomicOutput.write(output, os -> LlamaGguf.randomWriter(c, t, weightsSeed).write(os));
      if (common.json()) {
        common.printJson(new Written(output.toString(), c.parameterCount(true), c.dim(), c.layers(), c.ffnDim(),
            c.heads(), c.vocabSize(), context, t.toString(), weightsSeed));
        return 0;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("wrote %s: %d parameters (dim %d, %d layers, ffn %d, %d heads, vocab %d), %s matrices, seed %d%n", output,
          c.parameterCount(true), c.dim(), c.layers(), c.ffnDim(), c.heads(), c.vocabSize(), t, weightsSeed);
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
}
