package dev.fulcrum.controlplane.registry;

import java.util.Objects;

/**
 * One thing wrong with a version manifest.
 *
 * @param path where, as a field path ({@code metadata.owner}, {@code routes[1].backend}); the
 *     empty string for the file as a whole
 * @param problem what is wrong
 * @param fix what to change
 */
public record ManifestProblem(String path, String problem, String fix) {
  public ManifestProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(fix, "fix");
  }

  /** {@code routes[0].backend: is missing; fix: add backend: NAME}. */
  @Override
  public String toString() {
    return (path.isEmpty() ? "" : path + ": ") + problem + "; fix: " + fix;
  }
}
