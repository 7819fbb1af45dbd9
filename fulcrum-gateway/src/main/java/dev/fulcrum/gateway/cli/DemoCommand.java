package dev.fulcrum.gateway.cli;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fulcrum demo [--port N]}: the embedded default with no set-up and no provider key. It
 * serves a clearly labelled simulated chat model and the real in-process MiniLM embedding model,
 * accepts the key from {@code FULCRUM_DEMO_KEY} (default {@value #DEFAULT_KEY}) and the admin key
 * from {@code FULCRUM_DEMO_ADMIN_KEY} (default {@value #DEFAULT_ADMIN_KEY}), and keeps its state
 * in a fresh SQLite file.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a self-contained demo gateway (simulated chat, local embeddings).")
final class DemoCommand implements Callable<Integer> {
  static final String DEFAULT_KEY = "sk-fulcrum-demo";
  static final String DEFAULT_ADMIN_KEY = "sk-fulcrum-demo-admin";
  static final String CONFIG_RESOURCE = "/demo.yaml";

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public Integer call() {
    String key = System.getenv().getOrDefault("FULCRUM_DEMO_KEY", DEFAULT_KEY);
    String adminKey = System.getenv().getOrDefault("FULCRUM_DEMO_ADMIN_KEY", DEFAULT_ADMIN_KEY);
    FulcrumConfig config;
    try {
      config = demoConfig(key, adminKey, demoStore()).withPort(port);
    } catch (IOException e) {
      System.err.println("fulcrum demo: cannot create its store: " + e.getMessage());
      return 1;
    }
    return ServeSupport.serve(config, fulcrum -> System.out.printf("""
        Fulcrum demo is running (simulated chat backend, in-process MiniLM embeddings).
          base URL : %s
          API key  : %s
          admin key: %s   (for /admin/v1 and bin/fulcrum model|rollout|kill)
          store    : %s   (SQLite and keysets, removed when the demo stops)
          models   : chat-small (simulated), embed-small (all-MiniLM-L6-v2, local)
        Try:
          curl -s %s/chat/completions -H 'Authorization: Bearer %s' \\
            -H 'Content-Type: application/json' \\
            -d '{"model":"chat-small","messages":[{"role":"user","content":"Hello"}]}'
        Press Ctrl-C to stop.
        """, fulcrum.baseUrl(), key, adminKey, config.store().url(), fulcrum.baseUrl(), key),
        System.err);
  }

  /**
   * A fresh directory per demo run for the SQLite store and keysets, deleted at exit, so every
   * demo starts from the config.
   */
  private static Path demoStore() throws IOException {
    Path dir = Files.createTempDirectory("fulcrum-demo-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (var files = Files.list(dir)) {
        files.forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // best effort: the OS cleans the temp directory eventually
      }
      dir.toFile().delete();
    }, "fulcrum-demo-cleanup"));
    return dir;
  }

  static FulcrumConfig demoConfig(String key, String adminKey, Path stateDir) {
    Map<String, String> variables = new HashMap<>(System.getenv());
    variables.put("FULCRUM_DEMO_KEY_HASH", ApiKeyHash.of(key));
    variables.put("FULCRUM_DEMO_ADMIN_KEY_HASH", ApiKeyHash.of(adminKey));
    return ConfigLoader.withVariables(variables).parse("demo.yaml (built in)", resource())
        .withStateIn(stateDir);
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
