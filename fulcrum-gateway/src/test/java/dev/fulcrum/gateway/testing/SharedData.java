package dev.fulcrum.gateway.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared data next to the repository ({@code ../shared}: the OpenAI spec, evaluation sets),
 * read in place, never copied. Found under {@code -Dfulcrum.shared} or {@code $FULCRUM_SHARED}
 * when set, else under the nearest {@code shared/} above the working directory (the POM's
 * default misses it from a worktree nested one level deeper). A test that needs a missing file
 * fails when {@code CI=true} and is skipped elsewhere.
 */
public final class SharedData {
  private SharedData() {}

  /** The file at {@code relative} inside the shared directory; fails or skips when absent. */
  public static Path require(String relative) {
    Path file = locate(Path.of(relative));
    if (!Files.isRegularFile(file)) {
      String message = relative + " is not at " + file.toAbsolutePath()
          + "; set -Dfulcrum.shared=PATH_TO_SHARED";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return file;
  }

  private static Path locate(Path relative) {
    for (String configured : new String[] {System.getProperty("fulcrum.shared"),
        System.getenv("FULCRUM_SHARED")}) {
      if (configured != null && Files.exists(Path.of(configured).resolve(relative))) {
        return Path.of(configured).resolve(relative);
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    String configured = System.getProperty("fulcrum.shared", "../shared");
    return Path.of(configured).resolve(relative);
  }
}
