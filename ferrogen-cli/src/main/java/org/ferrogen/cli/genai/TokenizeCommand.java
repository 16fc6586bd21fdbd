package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.tokenizer.BpeTokenizer;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferrogen tokenize}: the token ids and pieces a model's tokenizer gives a prompt, for users
 * who debug prompts (as llama.cpp's llama-tokenize). Reads only the tokenizer metadata, so
 * vocabulary-only GGUF files work too.
 */
@Command(footer = {"%nExample:%n  ferrogen tokenize -p 'In the beginning' --json"},
    name = "tokenize", mixinStandardHelpOptions = true,
    description = {"Print the token ids and pieces of a text under a GGUF model's tokenizer (no BOS/EOS added).",
        "The text comes from --prompt, --prompt-file, or standard input."})
public final class TokenizeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf",
      description = "GGUF model or vocabulary file (default: the shipped models/ferrogen-kjv.gguf).")
  Path model = ModelOptions.DEFAULT_MODEL;

  @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "The text to tokenize.")
  String prompt;

  @Option(names = {"-f", "--prompt-file"}, paramLabel = "FILE", description = "Read the text from a UTF-8 file.")
  Path file;

  @Option(names = "--ids-only", description = "Print only the ids, on one line.")
  boolean idsOnly;

  @Override
  public Integer call() throws IOException {
    if (prompt != null && file != null) {
      throw new IllegalArgumentException("give the text with --prompt or --prompt-file, not both");
    }
    String text = prompt != null ? prompt
        : file != null ? Files.readString(file, StandardCharsets.UTF_8)
        : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    Path path = model.equals(ModelOptions.DEFAULT_MODEL) ? ModelOptions.resolveDefault() : model;
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("model file " + path + " does not exist");
    }
    Tokenizer tok = Tokenizers.fromGguf(GgufFile.open(path));
    int[] ids = tok.encode(text);
    String pre = tok instanceof BpeTokenizer b ? b.preTokenizer().name() : null;
    PrintWriter out = common.out();
    if (common.json()) {
      ObjectNode node = Json.object();
      node.put("model", path.toString());
      node.put("pre_tokenizer", pre);
      node.put("token_count", ids.length);
      ArrayNode tokens = node.putArray("tokens");
      for (int id : ids) {
        ObjectNode t = tokens.addObject();
        t.put("id", id);
        t.put("piece", tok.token(id));
        t.put("text", new String(tok.tokenBytes(id), StandardCharsets.UTF_8));
      }
      common.printJson(node);
    } else if (idsOnly) {
      StringBuilder sb = new StringBuilder();
      for (int id : ids) {
        sb.append(sb.length() == 0 ? "" : " ").append(id);
      }
      out.println(sb);
    } else {
      for (int id : ids) {
        out.printf("%8d  %-24s %s%n", id, quote(tok.token(id)), quote(new String(tok.tokenBytes(id), StandardCharsets.UTF_8)));
      }
      out.printf("%d tokens (%s%s)%n", ids.length, path.getFileName(), pre == null ? "" : ", pre-tokenizer " + pre);
    }
    out.flush();
    return 0;
  }

  /** The string in single quotes with control characters escaped, so whitespace pieces are visible. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\'' -> sb.append("\\'");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\x%02x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.append('\'').toString();
  }
}
