package dev.fulcrum.gateway.config;

import dev.fulcrum.controlplane.store.StoreUrl;
import java.time.Duration;
import java.util.Objects;

/**
 * Where control-plane state lives.
 *
 * @param url {@code sqlite:PATH} (embedded default) or {@code postgresql://HOST/DB?user=…}
 * @param poll how often a replica checks the shared store for changes made by others; zero for
 *     the embedded default, where this process makes every change itself
 * @param redis {@code redis://…} where replicas share rate-limit counters, or empty to keep
 *     them in memory (the default)
 */
public record StoreConfig(StoreUrl url, Duration poll, String redis) {
  public static final String DEFAULT_URL = "sqlite:./fulcrum.db";

  public StoreConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(poll, "poll");
    Objects.requireNonNull(redis, "redis");
  }

  /** A store without Redis. */
  public StoreConfig(StoreUrl url, Duration poll) {
    this(url, poll, "");
  }

  /** The URL without a password, for messages. */
  @Override
  public String toString() {
    return "StoreConfig[url=" + url + ", poll=" + poll + ", redis="
        + redis.replaceFirst("//[^@/]*@", "//…@") + "]";
  }
}
