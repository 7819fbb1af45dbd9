package dev.fulcrum.gateway.config;

import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.classify.Intent;
import dev.fulcrum.dataplane.split.SplitPolicy;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads split models: entries of {@code models:} with a {@code split:} section instead of
 * routes, for {@link ConfigLoader}.
 *
 * <pre>
 * - name: chat-auto
 *   split: { simple: chat-small, complex: chat-large, min-confidence: 0.8,
 *            by-intent: { CODE: chat-code }, timeout: 300ms }
 * </pre>
 */
final class SplitSection {
  static final double DEFAULT_MIN_CONFIDENCE = 0.8;

  private SplitSection() {}

  /** Whether this {@code models:} entry is a split model. */
  static boolean isSplit(ConfigNode model) {
    return model.has("split");
  }

  /**
   * The split policies by alias; every target must be a model with routes.
   *
   * @param routing the models with routes, already read
   */
  static Map<String, SplitPolicy> read(ConfigNode root, RoutingTable routing) {
    Map<String, SplitPolicy> policies = new LinkedHashMap<>();
    for (ConfigNode model : root.list("models")) {
      if (!isSplit(model)) {
        continue;
      }
      model.allowOnly("name", "split");
      String alias = ConfigLoader.modelName(model);
      if (routing.lookup(alias).isPresent() || policies.containsKey(alias)) {
        throw model.field("name").error("'" + alias + "' is defined twice; a model either "
            + "has routes or a split");
      }
      ConfigNode split = model.object("split");
      split.allowOnly("simple", "complex", "min-confidence", "by-intent", "timeout");
      Map<Intent, String> byIntent = new EnumMap<>(Intent.class);
      ConfigNode intents = split.object("by-intent");
      intents.allowOnly(Arrays.stream(Intent.values()).map(Enum::name).toArray(String[]::new));
      for (Intent intent : Intent.values()) {
        if (intents.has(intent.name())) {
          byIntent.put(intent, target(intents, intent.name(), alias, routing));
        }
      }
      policies.put(alias, new SplitPolicy(target(split, "simple", alias, routing),
          target(split, "complex", alias, routing),
          split.number("min-confidence", DEFAULT_MIN_CONFIDENCE, 0.5, 1), byIntent,
          ConfigLoader.positive(split, "timeout", SplitPolicy.DEFAULT_TIMEOUT)));
    }
    return policies;
  }

  private static String target(ConfigNode node, String field, String alias,
      RoutingTable routing) {
    String target = node.string(field);
    if (target.equals(alias)) {
      throw node.field(field).error("names the split model itself; name a model with routes");
    }
    if (routing.lookup(target).isEmpty()) {
      throw node.field(field).error("names '" + target + "', but no model with routes has "
          + "that name; known models: " + String.join(", ", routing.models().stream()
              .map(m -> m.alias()).sorted().toList()));
    }
    return target;
  }
}
