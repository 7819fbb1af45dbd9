package dev.fulcrum.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.fulcrum.gateway.testing.TestGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas whose config names one Redis enforce one limit between them. Redis comes
 * from {@code FULCRUM_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}); without it the
 * test is skipped locally and fails under {@code CI=true}.
 */
class SharedLimitsIT {
  static final String CONFIG = """
      store: { redis: "${REDIS}" }
      backends: [ { name: box, kind: simulated, placement: LOCAL } ]
      models: [ { name: chat, routes: [ { backend: box, model: local-chat } ] } ]
      tenants:
        - { id: "${TENANT}", api-keys: [ "${KEY_HASH}" ], limits: { requests-per-minute: 2 } }
      """;

  @Test
  void twoReplicasOnOneRedisAdmitTwoRequestsPerMinuteBetweenThem() throws Exception {
    String redis = redis();
    // a tenant of its own, so runs sharing this Redis never share buckets
    String tenant = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (TestGateway one = replica(redis, tenant); TestGateway two = replica(redis, tenant)) {
      List<Integer> statuses = new ArrayList<>();
      for (TestGateway replica : List.of(one, two, one, two)) {
        statuses.add(LimitsIT.chat(replica, TestGateway.KEY, "chat").statusCode());
      }

      // a token refills every 30 s, far longer than these four requests take
      assertThat(statuses).containsExactly(200, 200, 429, 429);
    }
  }

  private static TestGateway replica(String redis, String tenant) {
    return TestGateway.start(CONFIG, Map.of("REDIS", redis, "TENANT", tenant));
  }

  private static String redis() {
    String url = System.getenv().getOrDefault("FULCRUM_TEST_REDIS_URL",
        "redis://127.0.0.1:6379");
    URI uri = URI.create(url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379
          : uri.getPort()), 2_000);
    } catch (IOException e) {
      String message = "Redis at " + uri.getHost() + " is unreachable (" + e.getMessage()
          + "); start it or set FULCRUM_TEST_REDIS_URL";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
      throw new UncheckedIOException(e);
    }
    return url;
  }
}
