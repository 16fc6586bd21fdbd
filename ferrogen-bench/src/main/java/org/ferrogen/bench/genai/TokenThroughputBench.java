package org.ferrogen.bench.genai;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Tokens per second of the float backend: one op is one token's forward pass (all linear layers,
 * attention over a short history, the output head). Write the models first, e.g.
 * {@code ./ferrogen gguf random --params 100M --type q8_0 -o /tmp/genai-100m-q8.gguf} (and q4, bf16,
 * f16, f32 likewise). The weight bytes one token streams are in {@code generate --json}'s
 * backend_report (weightBytesRead / matrixVectorProducts × products per token).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class TokenThroughputBench {
  @Param({"/tmp/genai-100m-q8.gguf", "/tmp/genai-100m-q4.gguf", "/tmp/genai-100m-bf16.gguf",
      "/tmp/genai-100m-f16.gguf", "/tmp/genai-100m-f32.gguf"})
  String model;

  @Param({"2"})
  int threads;

  FloatBackend backend;
  LlamaSession session;
  int token;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    backend = new FloatBackend(threads);
    session = LlamaModel.load(GgufFile.open(Path.of(model)), backend).newSession(256);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    backend.close();
  }

  @Benchmark
  public float forward() {
    if (session.position() == session.capacity()) {
      session.reset();
    }
    token = (token * 31 + 7) % 256;
    return session.forward(token)[0];
  }
}
