package dev.fulcrum.gateway.cli;

import dev.fulcrum.gateway.config.ConfigException;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.wiring.Fulcrum;
import java.io.PrintStream;

/** Runs a gateway in the foreground until the process is told to stop (SIGTERM, Ctrl-C). */
final class ServeSupport {
  private static volatile boolean serving;

  private ServeSupport() {}

  /** Whether a command left a server running, so {@code main} must not exit. */
  static boolean keepsRunning() {
    return serving;
  }

  /**
   * Starts the gateway, prints {@code banner}, and returns; a shutdown hook drains and stops it.
   *
   * @return the exit code
   */
  static int serve(FulcrumConfig config, java.util.function.Consumer<Fulcrum> banner,
      PrintStream err) {
    Fulcrum fulcrum;
    try {
      fulcrum = Fulcrum.start(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("fulcrum: could not start: " + rootMessage(e));
      return 1;
    }
    // Vert.x event loops are non-daemon threads: they keep the process up until this hook runs
    Runtime.getRuntime().addShutdownHook(new Thread(fulcrum::close, "fulcrum-shutdown"));
    banner.accept(fulcrum);
    serving = true;
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message != null && message.contains("Address already in use")) {
      return "the port is already in use; choose another with --port N";
    }
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
