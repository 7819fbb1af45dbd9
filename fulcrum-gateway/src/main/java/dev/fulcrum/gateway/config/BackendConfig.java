package dev.fulcrum.gateway.config;

import dev.fulcrum.inference.batching.BatchSettings;
import dev.fulcrum.inference.kserve.KServeSettings;
import dev.fulcrum.inference.local.LocalSettings;
import dev.fulcrum.inference.openai.OpenAiSettings;
import dev.fulcrum.inference.simulated.SimulatedSettings;
import java.util.Objects;
import java.util.Optional;

/** One {@code backends[]} entry, by kind. */
public sealed interface BackendConfig {
  String name();

  /**
   * How concurrent embedding and tensor calls to this backend are batched (its
   * {@code batching:} section); empty when they are not.
   */
  Optional<BatchSettings> batching();

  /** {@code kind: openai}: any OpenAI-compatible HTTP upstream. */
  record OpenAi(OpenAiSettings settings, Optional<BatchSettings> batching)
      implements BackendConfig {
    public OpenAi {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(batching, "batching");
    }

    @Override
    public String name() {
      return settings.name();
    }
  }

  /** {@code kind: local}: in-process models. */
  record Local(LocalSettings settings, Optional<BatchSettings> batching)
      implements BackendConfig {
    public Local {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(batching, "batching");
    }

    @Override
    public String name() {
      return settings.name();
    }
  }

  /** {@code kind: simulated}: labelled fabricated answers for demos, tests, benchmarks. */
  record Simulated(SimulatedSettings settings, Optional<BatchSettings> batching)
      implements BackendConfig {
    public Simulated {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(batching, "batching");
    }

    @Override
    public String name() {
      return settings.name();
    }
  }

  /** {@code kind: kserve}: an Open Inference Protocol v2 server (KServe, Triton). */
  record KServe(KServeSettings settings, Optional<BatchSettings> batching)
      implements BackendConfig {
    public KServe {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(batching, "batching");
    }

    @Override
    public String name() {
      return settings.name();
    }
  }
}
