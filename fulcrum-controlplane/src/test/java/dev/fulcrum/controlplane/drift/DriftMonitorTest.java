package dev.fulcrum.controlplane.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.fulcrum.controlplane.registry.FakeClock;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
  private final FakeClock clock = new FakeClock();
  private final DriftDetector detector = DriftDetector.of(Reference.of(
      DriftDetectorTest.FEATURES, DriftDetectorTest.traffic(3000, 200, 0.1, 0, 1)),
      DriftThresholds.defaults());

  private DriftMonitor monitor() {
    return DriftMonitor.create("chat", detector, Duration.ofHours(1), 12, clock);
  }

  private static void record(DriftMonitor monitor, List<Sample> samples) {
    samples.forEach(monitor::record);
  }

  @Test
  void judgesOnlyTheTrafficInsideTheWindow() {
    DriftMonitor monitor = monitor();
    record(monitor, DriftDetectorTest.traffic(600, 200, 0.8, 0, 2));
    assertThat(monitor.check().drifted()).isTrue();

    clock.advance(Duration.ofMinutes(90));
    record(monitor, DriftDetectorTest.traffic(600, 200, 0.1, 0, 3));
    DriftReport report = monitor.check();

    assertThat(report.currentSamples()).isEqualTo(600);
    assertThat(report.drifted()).as(report.render()).isFalse();
  }

  @Test
  void alertsOnceWhenATestTurnsDriftedAndAgainAfterItRecovered() {
    DriftMonitor monitor = monitor();
    List<DriftAlert> alerts = new ArrayList<>();
    monitor.onAlert(alerts::add);

    record(monitor, DriftDetectorTest.traffic(600, 200, 0.8, 0, 2));
    monitor.check();
    monitor.check();
    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.model()).isEqualTo("chat");
      assertThat(alert.result().feature()).isEqualTo("language");
      assertThat(alert.at()).isEqualTo(FakeClock.START);
    });

    clock.advance(Duration.ofHours(2));
    record(monitor, DriftDetectorTest.traffic(600, 200, 0.1, 0, 3));
    monitor.check();
    clock.advance(Duration.ofHours(2));
    record(monitor, DriftDetectorTest.traffic(600, 200, 0.8, 0, 4));
    monitor.check();

    assertThat(alerts).hasSize(2);
  }

  @Test
  void keepsABoundedSampleOfRawValuesHoweverHeavyTheTraffic() {
    DriftWindow window = new DriftWindow(detector.reference(), Duration.ofMinutes(10), 2, 100);
    for (Sample sample : DriftDetectorTest.traffic(5000, 200, 0.1, 0, 5)) {
      window.add(clock.instant(), sample);
    }

    Observed observed = window.snapshot(clock.instant());

    assertThat(observed.size()).isEqualTo(5000);
    assertThat(observed.counts()).containsEntry("length", 5000L);
    assertThat(observed.values().get("length")).hasSize(100);
    assertThat(observed.bins().get("length")).satisfies(bins ->
        assertThat(java.util.Arrays.stream(bins).sum()).isEqualTo(5000));
    assertThat(observed.vectors().get("embedding")).hasSizeLessThanOrEqualTo(
        Reference.EMBEDDING_CAP);
  }

  @Test
  void theWebhookPostsEachAlertAsJson() throws IOException {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks/drift", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      DriftMonitor monitor = monitor();
      monitor.onAlert(WebhookNotifier.to(URI.create("http://127.0.0.1:"
          + server.getAddress().getPort() + "/hooks/drift")));
      record(monitor, DriftDetectorTest.traffic(600, 200, 0.8, 0, 2));

      monitor.check();

      assertThat(bodies).singleElement().satisfies(body -> {
        JsonNode json = Json.MAPPER.readTree(body);
        assertThat(json.path("type").asText()).isEqualTo("drift_alert");
        assertThat(json.path("model").asText()).isEqualTo("chat");
        assertThat(json.path("feature").asText()).isEqualTo("language");
        assertThat(json.path("test").asText()).isEqualTo("PSI");
        assertThat(json.path("statistic").asDouble()).isGreaterThan(0.2);
        assertThat(json.path("p_value").isNull()).isTrue();
        assertThat(json.path("samples").asLong()).isEqualTo(600);
      });
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableWebhookDoesNotBreakTheCheck() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DriftMonitor monitor = monitor();
    List<DriftAlert> seen = new ArrayList<>();
    monitor.onAlert(WebhookNotifier.to(URI.create("http://127.0.0.1:" + port + "/x")));
    monitor.onAlert(seen::add);
    record(monitor, DriftDetectorTest.traffic(600, 200, 0.8, 0, 2));

    assertThat(monitor.check().drifted()).isTrue();
    assertThat(seen).hasSize(1);
  }
}
