package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 16: a GGUF with llama.context_length 2^31-1 ended in a 16-line OutOfMemoryError trace. */
class FatalErrorsTest {

  @CommandLine.Command(name = "hungry")
  static final class Hungry implements Runnable {
    @CommandLine.Option(names = "--deep") boolean deep;

    @Override
    public void run() {
      if (deep) {
        throw new StackOverflowError();
      }
      throw new OutOfMemoryError("Java heap space");
    }
  }

  private static String[] run(String... args) {
    CommandLine cli = new CommandLine(new Hungry());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = FerroGen.execute(cli, args);
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void outOfMemoryIsOneLineSayingWhatToChange() {
    String[] r = run();
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).hasLineCount(1)
        .startsWith("ferrogen: out of memory (Java heap space) with a heap limit of ")
        .contains("llama.context_length").contains("-Xmx")
        .doesNotContain("at org.");
  }

  @Test
  void stackOverflowIsOneLineSayingWhatToChange() {
    String[] r = run("--deep");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).hasLineCount(1).contains("nests too deeply").contains("-Xss");
  }

  @Test
  void theHeapLimitIsPrintedInMebibytes() {
    assertThat(UserErrors.describeFatal(new OutOfMemoryError(), 2048L << 20))
        .startsWith("out of memory with a heap limit of 2048 MiB");
  }
}
