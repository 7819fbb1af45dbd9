package dev.fulcrum.gateway.cli;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fulcrum demo [--port N]}: the embedded default with no set-up and no provider key. It
 * serves a clearly labelled simulated chat model and the real in-process MiniLM embedding model,
 * and accepts the key from {@code FULCRUM_DEMO_KEY} (default {@value #DEFAULT_KEY}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a self-contained demo gateway (simulated chat, local embeddings).")
final class DemoCommand implements Callable<Integer> {
  static final String DEFAULT_KEY = "sk-fulcrum-demo";
  static final String CONFIG_RESOURCE = "/demo.yaml";

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public Integer call() {
    String key = System.getenv().getOrDefault("FULCRUM_DEMO_KEY", DEFAULT_KEY);
    FulcrumConfig config = demoConfig(key).withPort(port);
    return ServeSupport.serve(config, fulcrum -> System.out.printf("""
        Fulcrum demo is running (simulated chat backend, in-process MiniLM embeddings).
          base URL : %s
          API key  : %s
          models   : chat-small (simulated), embed-small (all-MiniLM-L6-v2, local)
        Try:
          curl -s %s/chat/completions -H 'Authorization: Bearer %s' \\
            -H 'Content-Type: application/json' \\
            -d '{"model":"chat-small","messages":[{"role":"user","content":"Hello"}]}'
        Press Ctrl-C to stop.
        """, fulcrum.baseUrl(), key, fulcrum.baseUrl(), key), System.err);
  }

  static FulcrumConfig demoConfig(String key) {
    Map<String, String> variables = new HashMap<>(System.getenv());
    variables.put("FULCRUM_DEMO_KEY_HASH", ApiKeyHash.of(key));
    return ConfigLoader.withVariables(variables).parse("demo.yaml (built in)", resource());
  }

  private static String resource() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo.yaml is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
