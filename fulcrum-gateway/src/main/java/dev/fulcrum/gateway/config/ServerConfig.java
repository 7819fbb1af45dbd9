package dev.fulcrum.gateway.config;

/**
 * The HTTP listener.
 *
 * @param host interface to bind; {@code 127.0.0.1} by default so a laptop never exposes it
 * @param port TCP port; 0 picks a free one
 * @param maxBodyBytes largest request body accepted (413 beyond it)
 * @param eventLoops event-loop threads serving HTTP; by default one per core
 */
public record ServerConfig(String host, int port, long maxBodyBytes, int eventLoops) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, maxBodyBytes, eventLoops);
  }
}
