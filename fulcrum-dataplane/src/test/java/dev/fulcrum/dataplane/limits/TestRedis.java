package dev.fulcrum.dataplane.limits;

import static org.assertj.core.api.Assertions.fail;

import java.time.InstantSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis named by {@code FULCRUM_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}).
 * When it is unreachable the test is skipped locally and fails under {@code CI=true}. Tests
 * keep to keys under a random prefix, so runs sharing one Redis do not meet.
 */
final class TestRedis {
  static final String ENV = "FULCRUM_TEST_REDIS_URL";

  private TestRedis() {}

  static String url() {
    return System.getenv().getOrDefault(ENV, "redis://127.0.0.1:6379");
  }

  /** Counters on the test Redis, or the test is skipped (failed under CI). */
  static RateCounters counters(InstantSource clock) {
    try {
      return RateCounters.redis(url(), clock);
    } catch (IllegalStateException e) {
      String message = "Redis at " + url() + " is unreachable (" + e.getMessage() + "); start it "
          + "or set " + ENV;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
      throw e;
    }
  }
}
