package dev.fulcrum.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelRoutesTest {
  private static final List<Route> ROUTES = List.of(new Route("b", "m", Price.FREE));

  @Test
  void splitsTrafficByWeight() {
    var model = new ModelRoutes("chat", List.of(new VersionRoutes("1", 90, ROUTES),
        new VersionRoutes("2", 10, ROUTES)), List.of());
    var random = new SplittableRandom(3);
    int canary = 0;
    for (int i = 0; i < 100_000; i++) {
      if (model.pick(random.nextLong()).version().equals("2")) {
        canary++;
      }
    }
    assertThat(canary).isBetween(9_500, 10_500);
  }

  @Test
  void theSameCallerAlwaysGetsTheSameVersion() {
    var model = new ModelRoutes("chat", List.of(new VersionRoutes("1", 50, ROUTES),
        new VersionRoutes("2", 50, ROUTES)), List.of());
    assertThat(model.pick(42L)).isSameAs(model.pick(42L));
  }

  @Test
  void neverPicksAZeroWeightVersion() {
    var model = new ModelRoutes("chat", List.of(new VersionRoutes("1", 0, ROUTES),
        new VersionRoutes("2", 1, ROUTES)), List.of());
    for (long hash = -1000; hash < 1000; hash++) {
      assertThat(model.pick(hash).version()).isEqualTo("2");
    }
  }

  @Test
  void pricesUsage() {
    var price = new Price(0.15, 0.60);
    assertThat(price.costUsd(new dev.fulcrum.core.chat.Usage(1_000_000, 500_000)))
        .isEqualTo(0.45, org.assertj.core.data.Offset.offset(1e-12));
  }
}
