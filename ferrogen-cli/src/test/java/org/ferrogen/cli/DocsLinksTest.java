package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation links only to files inside the repository (users have no ../shared), and the
 * relative links it has resolve to files that exist.
 */
class DocsLinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void noLinkLeavesTheRepositoryAndEveryRelativeLinkResolves() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("docs"))) {
      root = root.getParent();
    }
    assertThat(root).as("repository root with docs/").isNotNull();
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    try (Stream<Path> s = Files.walk(root, 3)) {
      s.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/") && !p.toString().contains("/.git"))
          .forEach(docs::add);
    }
    List<String> problems = new ArrayList<>();
    for (Path doc : docs) {
      if (!Files.isRegularFile(doc)) {
        continue;
      }
      String text = Files.readString(doc);
      if (text.contains("../shared") || text.contains("/work/shared")) {
        problems.add(root.relativize(doc) + ": mentions ../shared, which users do not have");
      }
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // http(s), mailto: external pages, not files
        }
        Path resolved = doc.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
          problems.add(root.relativize(doc) + ": link " + target + " leaves the repository");
        } else if (!Files.exists(resolved)) {
          problems.add(root.relativize(doc) + ": link " + target + " points to nothing");
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
