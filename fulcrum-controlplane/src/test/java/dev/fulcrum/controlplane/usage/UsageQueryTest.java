package dev.fulcrum.controlplane.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.chat.Usage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsageQueryTest {
  private static final LocalDate DAY = LocalDate.parse("2025-03-01");

  @Test
  void aRangeMustNotEndBeforeItStarts() {
    assertThatThrownBy(() -> UsageQuery.between(DAY, DAY.minusDays(1)))
        .hasMessage("the range ends (2025-02-28) before it starts (2025-03-01)");
  }

  @Test
  void groupsByEachDimensionOnceInTheOrderGiven() {
    var query = UsageQuery.between(DAY, DAY).groupBy(Dimension.DAY, Dimension.MODEL,
        Dimension.DAY);

    assertThat(query.groupBy()).containsExactly(Dimension.DAY, Dimension.MODEL);
  }

  @Test
  void dimensionsAreNamedAsInTheAdminApi() {
    assertThat(Dimension.of(" Feature ")).isEqualTo(Dimension.FEATURE);
    assertThatThrownBy(() -> Dimension.of("week"))
        .hasMessage("'week' is not a usage dimension; use tenant, feature, model or day");
  }

  @Test
  void costIsKeptInWholeNanoDollars() {
    var counts = UsageCounts.ofRequest(new Usage(9, 5), 0.0000725);

    assertThat(counts.costNanoUsd()).isEqualTo(72_500);
    assertThat(counts.plus(counts).costUsd()).isEqualByComparingTo("0.000145");
  }
}
