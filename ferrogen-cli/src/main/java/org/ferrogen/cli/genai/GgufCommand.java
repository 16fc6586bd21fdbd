package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.genai.model.LlamaConfig;
import org.ferrogen.genai.model.LlamaGguf;
import picocli.CommandLine.Command;
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

  @Command(name = "info", mixinStandardHelpOptions = true, description = "List a GGUF file's metadata and tensors.")
  static final class Info implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "GGUF file.")
    Path file;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      GgufFile f = GgufFile.open(file);
      PrintWriter out = spec.commandLine().getOut();
      long bytes = 0;
      long elements = 0;
      for (GgufTensor t : f.tensors().values()) {
        bytes += t.byteSize();
        elements += t.elementCount();
      }
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("file", file.toString());
        node.put("version", f.version());
        node.put("data_offset", f.dataStart());
        node.put("parameters", elements);
        node.put("tensor_bytes", bytes);
        ObjectNode md = node.putObject("metadata");
        for (Map.Entry<String, GgufValue> e : f.metadata().entrySet()) {
          md.put(e.getKey(), e.getValue().describe());
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
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
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
      description = "Write a Llama GGUF of random weights of about a given size (for speed measurements).")
  static final class Random implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--params", required = true, paramLabel = "N", description = "Approximate parameter count, e.g. 100M, 1.5G, 500K.")
    String params;

    @Option(names = "--type", paramLabel = "TYPE", description = "Matrix type: f32, f16, bf16, q8_0, q4_0 (default: ${DEFAULT-VALUE}).")
    String type = "q8_0";

    @Option(names = "--vocab", paramLabel = "N", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab = 32000;

    @Option(names = "--context", paramLabel = "N", description = "Context length (default: ${DEFAULT-VALUE}).")
    int context = 2048;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the weights (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output GGUF file.")
    Path output;

    @Override
    public Integer call() throws Exception {
      long n = parseCount(params);
      GgmlType t = GgmlType.parse(type);
      LlamaConfig c = LlamaGguf.sizedConfig(n, vocab, context);
      AtomicOutput.write(output, os -> LlamaGguf.randomWriter(c, t, seed).write(os));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("wrote %s: %d parameters (dim %d, %d layers, ffn %d, %d heads, vocab %d), %s matrices%n", output,
          c.parameterCount(true), c.dim(), c.layers(), c.ffnDim(), c.heads(), c.vocabSize(), t);
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
          throw new IllegalArgumentException("--params " + s + " is out of range (10K to 100G)");
        }
        return (long) x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--params '" + s + "' is not a count such as 100M");
      }
    }
  }
}
