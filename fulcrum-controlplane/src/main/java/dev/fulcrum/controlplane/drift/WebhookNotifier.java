package dev.fulcrum.controlplane.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each {@link DriftAlert} as JSON to a webhook:
 * {@code {"type":"drift_alert","model","feature","test","statistic","threshold","p_value",
 * "samples","at"}} ({@code p_value} null for PSI). A failure (refused, timeout, non-2xx) is
 * logged without the URL's query and dropped: an observer must not break the monitor.
 */
public final class WebhookNotifier implements Consumer<DriftAlert> {
  private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
  private final URI url;
  private final HttpClient client;
  private final Duration timeout;

  private WebhookNotifier(URI url, HttpClient client, Duration timeout) {
    this.url = url;
    this.client = client;
    this.timeout = timeout;
  }

  /** Posts to {@code url} with a 5-second timeout. */
  public static WebhookNotifier to(URI url) {
    return to(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        Duration.ofSeconds(5));
  }

  public static WebhookNotifier to(URI url, HttpClient client, Duration timeout) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("webhook URL must be http or https");
    }
    return new WebhookNotifier(url, Objects.requireNonNull(client), timeout);
  }

  @Override
  public void accept(DriftAlert alert) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(alert))).build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        log.warn("drift webhook {} answered {}", where(), response.statusCode());
      }
    } catch (IOException e) {
      log.warn("drift webhook {} failed: {}", where(), e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String body(DriftAlert alert) {
    FeatureResult r = alert.result();
    ObjectNode node = Json.object().put("type", "drift_alert").put("model", alert.model())
        .put("feature", r.feature()).put("test", r.test().name())
        .put("statistic", r.statistic()).put("threshold", r.threshold());
    if (Double.isNaN(r.pValue())) {
      node.putNull("p_value");
    } else {
      node.put("p_value", r.pValue());
    }
    return node.put("samples", r.currentSamples()).put("at", alert.at().toString()).toString();
  }

  private String where() {
    return url.getScheme() + "://" + url.getAuthority() + url.getPath();
  }
}
