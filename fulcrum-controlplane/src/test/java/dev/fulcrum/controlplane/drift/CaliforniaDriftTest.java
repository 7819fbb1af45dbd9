package dev.fulcrum.controlplane.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drift detector on real drift (NannyML's California Housing months): quiet on the
 * reference period, flags where the model's accuracy fell. The full tables are in
 * bench/results/drift.md (bench/drift/run.sh).
 */
class CaliforniaDriftTest {
  private static CaliforniaValidation.Result result;

  @BeforeAll
  static void run() {
    if (!Files.isDirectory(CaliforniaHousing.directory())) {
      String message = "the California drift data is not at " + CaliforniaHousing.directory()
          + "; set -Dfulcrum.shared or FULCRUM_SHARED to the directory holding data/";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message);
    }
    result = CaliforniaValidation.run(CaliforniaHousing.months(CaliforniaHousing.directory()),
        false);
  }

  private static List<CaliforniaValidation.Verdict> months(boolean reference) {
    return result.verdicts().stream().filter(v -> v.month().reference() == reference).toList();
  }

  @Test
  void readsEightReferenceAndTwelveAnalysisMonths() {
    assertThat(months(true)).hasSize(8);
    assertThat(months(false)).hasSize(12);
    assertThat(result.reference().size()).isEqualTo(5832);
  }

  @Test
  void staysQuietOnEveryReferenceMonth() {
    assertThat(months(true)).noneMatch(CaliforniaValidation.Verdict::flagged);
  }

  @Test
  void flagsMostAnalysisMonthsWhereAccuracyFell() {
    List<CaliforniaValidation.Verdict> fell = months(false).stream()
        .filter(v -> v.month().accuracy() < 0.62).toList();

    assertThat(fell).hasSizeGreaterThanOrEqualTo(6);
    assertThat(fell.stream().filter(CaliforniaValidation.Verdict::flagged).count())
        .isGreaterThanOrEqualTo(Math.round(fell.size() * 0.75));
  }

  @Test
  void flagsTheWorstMonth() {
    CaliforniaValidation.Verdict worst = months(false).stream()
        .min(java.util.Comparator.comparingDouble(v -> v.month().accuracy())).orElseThrow();

    assertThat(worst.month().month()).isEqualTo("2021-10");
    assertThat(worst.flagged()).isTrue();
  }

  @Test
  void fixedTextbookThresholdsWouldCryWolfOnTheReferenceItself() {
    assertThat(months(true)).allMatch(v -> v.fixed().drifted());
  }
}
