package dev.fulcrum.controlplane.registry;

import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import java.util.List;
import java.util.Map;

/** Versions for tests. */
public final class Specs {
  public static final Change OPS = Change.by("ann@ops", "test");

  private Specs() {}

  /** A chat version served by {@code backend} as upstream model {@code model-version}. */
  public static VersionSpec version(String model, String version, String backend) {
    return new VersionSpec(model, version,
        new Artifact("s3://models/" + model + "/" + version, "ab".repeat(32)),
        new Signature("{\"type\":\"object\"}", "{\"type\":\"object\"}"),
        new VersionMetadata("ml-team", "s3://data/" + model + "@2025-05",
            Map.of("accuracy", 0.91), Map.of("task", "chat")),
        List.of(new Route(backend, model + "-" + version, new Price(0.1, 0.4))));
  }

  public static VersionSpec version(String model, String version) {
    return version(model, version, "nebius");
  }
}
