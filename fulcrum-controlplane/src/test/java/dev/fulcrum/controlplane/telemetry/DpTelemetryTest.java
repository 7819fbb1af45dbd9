package dev.fulcrum.controlplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.tenant.Tenant;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DpTelemetryTest {
  private static final LocalDate DAY = LocalDate.parse("2025-03-01");
  private static final Tenant ACME = new Tenant("acme");
  private static final Tenant GLOBEX = new Tenant("globex");
  private static final Tenant INITECH = new Tenant("initech");
  private static final List<TenantUsage> USAGE = List.of(
      new TenantUsage(ACME, 5_000, 2_000_000), // a heavy user: clamped
      new TenantUsage(GLOBEX, 10, 500),
      new TenantUsage(INITECH, 999, 999)); // did not opt in
  private static final InstantSource CLOCK = InstantSource.fixed(
      Instant.parse("2025-03-02T00:05:00Z"));

  /** Noise of exactly zero from both mechanisms, to check clamping and sums exactly. */
  private static final RandomGenerator NO_NOISE = new RandomGenerator() {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public double nextDouble() {
      return 0.5; // Laplace is the difference of two equal exponential draws
    }

    @Override
    public double nextGaussian() {
      return 0;
    }
  };

  @TempDir
  Path temp;

  private static DpTelemetry telemetry(Database db, UnaryOperator<DpTelemetry.Builder> more) {
    return more.apply(DpTelemetry.builder(db)
        .mechanism(new Mechanism.Laplace(new BigDecimal("0.1")))
        .dailyBudget(BigDecimal.ONE, BigDecimal.ZERO)
        .bounds(new ContributionBounds(1_000, 1_000_000))
        .consent(Set.of(ACME, GLOBEX)::contains)
        .clock(CLOCK)).build();
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void sumsOnlyOptedInTenantsEachClampedToTheBounds(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      DpTelemetry telemetry = telemetry(test.db(), b -> b.random(NO_NOISE));

      TelemetryRelease release = telemetry.release("chat.summarize", DAY, USAGE);

      assertThat(release.requests()).isEqualTo(1_000 + 10);
      assertThat(release.tokens()).isEqualTo(1_000_000 + 500);
      assertThat(release.requestsNoiseScale()).isEqualTo(1_000 / 0.05);
      assertThat(release.tokensNoiseScale()).isEqualTo(1_000_000 / 0.05);
      assertThat(release.epsilon()).isEqualByComparingTo("0.1");
      assertThat(release.mechanism()).isEqualTo("laplace");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void addsTheMechanismsNoiseAtTheCalibratedScale(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      DpTelemetry telemetry = telemetry(test.db(), b -> b.random(new SplittableRandom(7)));

      TelemetryRelease release = telemetry.release("chat.summarize", DAY, USAGE);

      SplittableRandom replay = new SplittableRandom(7);
      Mechanism laplace = new Mechanism.Laplace(new BigDecimal("0.1"));
      assertThat(release.requests()).isEqualTo(Math.round(1_010 + laplace.sample(20_000,
          replay)));
      assertThat(release.tokens()).isEqualTo(Math.round(1_000_500 + laplace.sample(20_000_000,
          replay)));
      assertThat(release.requests()).isNotEqualTo(1_010);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void spendsTheBudgetExactlyAndRefusesTheReleaseThatWouldOverspendIt(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      DpTelemetry telemetry = telemetry(test.db(), b -> b.random(new SplittableRandom(1)));
      for (int i = 0; i < 10; i++) {
        telemetry.release("feature-" + i, DAY, USAGE); // 10 × 0.1: exactly 1 in decimals
      }

      assertThatThrownBy(() -> telemetry.release("one-more", DAY, USAGE))
          .isInstanceOf(PrivacyBudgetExhaustedException.class)
          .hasMessage("the privacy budget for 2025-03-01 cannot pay for this release: ε 1.0 of 1 "
              + "and δ 0 of 0 are spent, the release needs ε 0.1 and δ 0; nothing more about "
              + "that day can be released");
      PrivacyBudget budget = telemetry.budget(DAY);
      assertThat(budget.epsilonSpent()).isEqualByComparingTo("1.0");
      assertThat(budget.epsilonRemaining()).isEqualByComparingTo("0");
      assertThat(ledgerRows(test)).as("a refused release spends nothing").isEqualTo(10);
      assertThat(telemetry.release("feature-0", DAY.plusDays(1), USAGE)).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void aRestartDoesNotResetTheBudget(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      DpTelemetry before = telemetry(test.db(), b -> b.random(new SplittableRandom(1)));
      for (int i = 0; i < 7; i++) {
        before.release("chat", DAY, USAGE);
      }

      DpTelemetry after = telemetry(test.db(), b -> b.random(new SplittableRandom(2)));

      assertThat(after.budget(DAY).epsilonSpent()).isEqualByComparingTo("0.7");
      after.release("chat", DAY, USAGE);
      after.release("chat", DAY, USAGE);
      after.release("chat", DAY, USAGE);
      assertThatThrownBy(() -> after.release("chat", DAY, USAGE))
          .isInstanceOf(PrivacyBudgetExhaustedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void accountsDeltaForTheGaussianMechanism(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      DpTelemetry telemetry = telemetry(test.db(), b -> b.random(NO_NOISE)
          .mechanism(new Mechanism.Gaussian(new BigDecimal("0.2"), new BigDecimal("1e-6")))
          .dailyBudget(BigDecimal.ONE, new BigDecimal("3e-6")));
      for (int i = 0; i < 3; i++) {
        assertThat(telemetry.release("embed", DAY, USAGE).requests()).isEqualTo(1_010);
      }

      assertThatThrownBy(() -> telemetry.release("embed", DAY, USAGE))
          .isInstanceOf(PrivacyBudgetExhaustedException.class)
          .hasMessageContaining("δ 0.000003 of 0.000003 are spent");
      assertThat(telemetry.budget(DAY).epsilonSpent()).isEqualByComparingTo("0.6");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void refusesATenantListedTwiceSoClampingStillBoundsItsContribution(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      DpTelemetry telemetry = telemetry(test.db(), b -> b.random(NO_NOISE));

      assertThatThrownBy(() -> telemetry.release("chat", DAY, List.of(
          new TenantUsage(ACME, 900, 1), new TenantUsage(ACME, 900, 1))))
          .hasMessageContaining("tenant acme appears twice");
      assertThat(telemetry.budget(DAY).epsilonSpent()).isEqualByComparingTo("0");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.fulcrum.controlplane.store.TestDatabases#dialects")
  void refusesAConfigurationWhereOneReleaseCostsMoreThanADay(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      assertThatThrownBy(() -> telemetry(test.db(), b -> b
          .mechanism(new Mechanism.Laplace(new BigDecimal("2")))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("costs more than the daily budget");
    }
  }

  private static int ledgerRows(TestDatabase test) {
    return test.db().transaction(c -> {
      try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM dp_ledger")) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }
}
