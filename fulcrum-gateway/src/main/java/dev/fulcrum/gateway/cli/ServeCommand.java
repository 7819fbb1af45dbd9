package dev.fulcrum.gateway.cli;

import dev.fulcrum.gateway.config.ConfigException;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fulcrum serve --config FILE [--port N]}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the gateway with a config file.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", defaultValue = "fulcrum.yaml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "Override server.port.")
  Integer port;

  @Override
  public Integer call() {
    FulcrumConfig loaded;
    try {
      loaded = ConfigLoader.withVariables(System.getenv()).load(config);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    FulcrumConfig effective = port == null ? loaded : loaded.withPort(port);
    return ServeSupport.serve(effective, fulcrum ->
        System.out.println("Fulcrum listening: OpenAI base URL " + fulcrum.baseUrl()),
        System.err);
  }
}
