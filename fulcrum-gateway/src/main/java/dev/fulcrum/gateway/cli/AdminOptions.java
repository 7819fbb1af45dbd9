package dev.fulcrum.gateway.cli;

import java.net.URI;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * Where the admin API is and how to sign in: {@code --url} (else {@code FULCRUM_URL}, else
 * {@code http://127.0.0.1:8080}) and {@code --admin-key} (else {@code FULCRUM_ADMIN_KEY}).
 */
final class AdminOptions {
  @Option(names = "--url", paramLabel = "URL",
      defaultValue = "${env:FULCRUM_URL:-http://127.0.0.1:8080}",
      description = "Fulcrum's address (default: FULCRUM_URL, else http://127.0.0.1:8080).")
  String url;

  @Option(names = "--admin-key", paramLabel = "KEY", defaultValue = "${env:FULCRUM_ADMIN_KEY}",
      showDefaultValue = Visibility.NEVER,
      description = "Admin key (default: FULCRUM_ADMIN_KEY).")
  String adminKey;

  @Option(names = "--json", description = "Print the API's JSON answer instead of a summary.")
  boolean json;

  AdminClient client() {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return new AdminClient(URI.create(base), adminKey == null ? "" : adminKey.strip());
  }
}
