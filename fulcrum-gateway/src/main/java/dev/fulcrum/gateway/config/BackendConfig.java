package dev.fulcrum.gateway.config;

import dev.fulcrum.inference.local.LocalSettings;
import dev.fulcrum.inference.openai.OpenAiSettings;
import dev.fulcrum.inference.simulated.SimulatedSettings;

/** One {@code backends[]} entry, by kind. */
public sealed interface BackendConfig {
  String name();

  /** {@code kind: openai}: any OpenAI-compatible HTTP upstream. */
  record OpenAi(OpenAiSettings settings) implements BackendConfig {
    @Override
    public String name() {
      return settings.name();
    }
  }

  /** {@code kind: local}: in-process models. */
  record Local(LocalSettings settings) implements BackendConfig {
    @Override
    public String name() {
      return settings.name();
    }
  }

  /** {@code kind: simulated}: labelled fabricated answers for demos, tests, benchmarks. */
  record Simulated(SimulatedSettings settings) implements BackendConfig {
    @Override
    public String name() {
      return settings.name();
    }
  }
}
