package dev.fulcrum.controlplane.drift;

import java.util.Objects;

/** A quantity whose distribution is watched, and the kind of value it takes. */
public sealed interface Feature {

  String name();

  /** A number per sample (prompt length); tested with PSI and Kolmogorov–Smirnov. */
  record Numeric(String name) implements Feature {
    public Numeric {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Category counts per sample (language → 1; entity mix → PERSON 2, EMAIL 1); tested with PSI
   * over the categories.
   */
  record Categorical(String name) implements Feature {
    public Categorical {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A vector per sample (prompt embedding); tested with the embedding-distance test. */
  record Embedding(String name) implements Feature {
    public Embedding {
      Objects.requireNonNull(name, "name");
    }
  }
}
