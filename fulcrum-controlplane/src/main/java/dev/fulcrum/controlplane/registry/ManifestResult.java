package dev.fulcrum.controlplane.registry;

import java.util.List;
import java.util.stream.Collectors;

/** What {@link ManifestValidator} concluded about one manifest. */
public sealed interface ManifestResult {

  /** The manifest's name, for messages. */
  String source();

  /** Every problem found; empty when valid. */
  List<ManifestProblem> problems();

  /** 0 when valid, 1 otherwise: the exit code of {@code fulcrum model validate}. */
  default int exitCode() {
    return problems().isEmpty() ? 0 : 1;
  }

  /** A report for the terminal: one line per problem, or a one-line success. */
  String render();

  /**
   * A manifest that can be registered as it is.
   *
   * @param checksumVerified whether the artifact was a local file whose SHA-256 was computed and
   *     matched; false for remote artifacts, which the registry cannot read
   */
  record Valid(String source, VersionSpec spec, boolean checksumVerified)
      implements ManifestResult {
    @Override
    public List<ManifestProblem> problems() {
      return List.of();
    }

    @Override
    public String render() {
      return source + ": valid " + spec.id() + (checksumVerified ? " (artifact sha256 verified)"
          : " (remote artifact; sha256 not verified here)");
    }
  }

  /** A manifest with at least one problem. */
  record Invalid(String source, List<ManifestProblem> problems) implements ManifestResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid manifest has problems");
      }
    }

    @Override
    public String render() {
      return source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + System.lineSeparator() + problems.stream().map(p -> "  " + p)
          .collect(Collectors.joining(System.lineSeparator()));
    }
  }
}
