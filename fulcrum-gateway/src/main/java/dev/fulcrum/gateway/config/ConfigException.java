package dev.fulcrum.gateway.config;

/**
 * A config file Fulcrum cannot start with. The message reads
 * {@code FILE:LINE: PATH what is wrong; the fix}, e.g.
 * {@code fulcrum.yaml:14: models[2].routes[0].backend names 'nebius2', but no backend has that
 * name; known backends: nebius, local}.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
