package dev.fulcrum.gateway.config;

import java.util.List;

/**
 * Who may use {@code /admin/v1}.
 *
 * @param apiKeyHashes admin keys as {@code sha256:…} hashes; empty disables the admin API
 */
public record AdminConfig(List<String> apiKeyHashes) {
  public static final AdminConfig DISABLED = new AdminConfig(List.of());

  public AdminConfig {
    apiKeyHashes = List.copyOf(apiKeyHashes);
  }
}
