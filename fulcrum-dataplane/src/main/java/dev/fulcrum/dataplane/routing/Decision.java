package dev.fulcrum.dataplane.routing;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What the router decided for one request, with a reason for every candidate it dropped. */
public sealed interface Decision {

  /** Every candidate dropped, in route order. */
  List<Dropped> dropped();

  /**
   * The request goes to {@code chosen}; if that fails with a retriable error, to each of
   * {@code fallbacks} in order.
   *
   * @param version the model version that serves the request, {@code alias@version}
   * @param degraded true when the model's routes were all down and its degraded-mode model
   *     serves instead
   */
  record Routed(String version, Candidate chosen, List<Candidate> fallbacks,
      List<Dropped> dropped, boolean degraded) implements Decision {
    public Routed {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(chosen, "chosen");
      fallbacks = List.copyOf(fallbacks);
      dropped = List.copyOf(dropped);
    }

    /** The model that serves: the alias, or its degraded-mode model. */
    public String model() {
      return version.substring(0, version.lastIndexOf('@'));
    }

    /** The serving model's version id (without the model name). */
    public String versionId() {
      return version.substring(version.lastIndexOf('@') + 1);
    }

    /** The chosen candidate followed by the fallbacks. */
    public List<Candidate> attempts() {
      return java.util.stream.Stream.concat(java.util.stream.Stream.of(chosen),
          fallbacks.stream()).toList();
    }
  }

  /** No candidate survived; {@link #explain()} says why, backend by backend. */
  record Rejected(String alias, List<Dropped> dropped) implements Decision {
    public Rejected {
      Objects.requireNonNull(alias, "alias");
      dropped = List.copyOf(dropped);
    }

    public String explain() {
      return "no backend can serve model '" + alias + "': " + dropped.stream()
          .map(Dropped::toString).collect(Collectors.joining("; "));
    }
  }
}
