package dev.fulcrum.dataplane.privacy.sanitize;

import dev.fulcrum.core.privacy.EntityType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link Action} applies to each entity type, with a default for types not listed.
 *
 * @param actions per-type actions (copied; unmodifiable)
 * @param defaultAction the action for every type not in {@code actions}
 */
public record SanitizationPolicy(Map<EntityType, Action> actions, Action defaultAction) {

  public SanitizationPolicy {
    Objects.requireNonNull(defaultAction, "defaultAction");
    EnumMap<EntityType, Action> copy = new EnumMap<>(EntityType.class);
    actions.forEach((type, action) -> copy.put(Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(action, "action for " + type)));
    actions = Map.copyOf(copy);
  }

  /** The same action for every type. */
  public static SanitizationPolicy of(Action defaultAction) {
    return new SanitizationPolicy(Map.of(), defaultAction);
  }

  /** A copy with {@code type} mapped to {@code action}. */
  public SanitizationPolicy with(EntityType type, Action action) {
    EnumMap<EntityType, Action> copy = new EnumMap<>(EntityType.class);
    copy.putAll(actions);
    copy.put(type, action);
    return new SanitizationPolicy(copy, defaultAction);
  }

  public Action actionFor(EntityType type) {
    return actions.getOrDefault(type, defaultAction);
  }
}
