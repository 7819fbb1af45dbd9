package dev.fulcrum.controlplane.registry;

import dev.fulcrum.core.routing.Route;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything that defines a version, as registered. Immutable once stored: a change means a new
 * version.
 *
 * @param model the name callers put in {@code model}
 * @param version the version id, unique within the model ({@code 3}, {@code 2025-06-01})
 * @param artifact what it is made of
 * @param signature its input/output contract
 * @param metadata owner, lineage, metrics, labels
 * @param routes how it is served, in order of preference: an LLM version is "this upstream
 *     model on these backends"; a classic ML version names a KServe/Triton backend and model
 */
public record VersionSpec(String model, String version, Artifact artifact, Signature signature,
    VersionMetadata metadata, List<Route> routes) {
  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  /** What a model name may be, for messages. */
  public static final String MODEL_NAME_RULE =
      "1-128 of A-Z a-z 0-9 . _ : / - starting with a letter or digit";
  /** What a version id may be, for messages. */
  public static final String VERSION_ID_RULE =
      "1-64 of A-Z a-z 0-9 . _ - starting with a letter or digit";

  public VersionSpec {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(metadata, "metadata");
    routes = List.copyOf(routes);
    if (!MODEL.matcher(model).matches()) {
      throw new IllegalArgumentException("model name '" + model + "' must be "
          + MODEL_NAME_RULE);
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("version '" + version + "' must be "
          + VERSION_ID_RULE);
    }
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("version " + model + "@" + version + " needs at least "
          + "one route (backend + upstream model)");
    }
  }

  /** {@code model@version}, the form used in headers, logs and messages. */
  public String id() {
    return model + "@" + version;
  }

  /** Whether {@code name} may name a model ({@link #MODEL_NAME_RULE}). */
  public static boolean validModelName(String name) {
    return MODEL.matcher(name).matches();
  }

  /** Whether {@code id} may identify a version ({@link #VERSION_ID_RULE}). */
  public static boolean validVersionId(String id) {
    return VERSION.matcher(id).matches();
  }
}
