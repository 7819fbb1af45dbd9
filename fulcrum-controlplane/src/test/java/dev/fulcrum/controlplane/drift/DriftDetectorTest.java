package dev.fulcrum.controlplane.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final List<Feature> FEATURES = List.of(new Feature.Numeric("length"),
      new Feature.Categorical("language"), new Feature.Embedding("embedding"));

  /** Traffic: lengths around {@code meanLength}, {@code spanish} share of es, vectors near c. */
  static List<Sample> traffic(int n, double meanLength, double spanish, double shift,
      long seed) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] vector = new double[6];
      for (int d = 0; d < vector.length; d++) {
        vector[d] = 1 + (d < 3 ? shift : 0) + 0.3 * random.nextGaussian();
      }
      samples.add(Sample.builder()
          .number("length", Math.max(1, meanLength + 40 * random.nextGaussian()))
          .category("language", random.nextDouble() < spanish ? "es" : "en")
          .embedding("embedding", vector).build());
    }
    return samples;
  }

  private static FeatureResult row(DriftReport report, String feature, DriftTest test) {
    return report.results().stream().filter(r -> r.feature().equals(feature)
        && r.test() == test).findFirst().orElseThrow();
  }

  @Test
  void sameTrafficIsQuietOnEveryTest() {
    DriftDetector detector = DriftDetector.of(Reference.of(FEATURES,
        traffic(3000, 200, 0.1, 0, 1)), DriftThresholds.defaults());

    DriftReport report = detector.compare("chat", NOW, traffic(800, 200, 0.1, 0, 2));

    assertThat(report.drifted()).as(report.render()).isFalse();
    assertThat(report.results()).extracting(FeatureResult::test).containsExactly(
        DriftTest.PSI, DriftTest.KS, DriftTest.PSI, DriftTest.EMBEDDING);
  }

  @Test
  void flagsEachFeatureThatMovedAndOnlyThose() {
    DriftDetector detector = DriftDetector.of(Reference.of(FEATURES,
        traffic(3000, 200, 0.1, 0, 1)), DriftThresholds.defaults());

    DriftReport longer = detector.compare("chat", NOW, traffic(800, 260, 0.1, 0, 2));
    DriftReport spanish = detector.compare("chat", NOW, traffic(800, 200, 0.6, 0, 3));
    DriftReport moved = detector.compare("chat", NOW, traffic(800, 200, 0.1, 0.4, 4));

    assertThat(longer.driftedResults()).extracting(FeatureResult::feature)
        .containsExactly("length", "length");
    assertThat(spanish.driftedResults()).extracting(FeatureResult::feature)
        .containsExactly("language");
    assertThat(moved.driftedResults()).extracting(FeatureResult::feature)
        .containsExactly("embedding");
  }

  @Test
  void thresholdsCalibratedTooTightStillLeaveRoomForSamplingNoise() {
    Reference reference = Reference.of(FEATURES, traffic(100, 200, 0.2, 0, 1));
    FeatureThresholds tiny = new FeatureThresholds(0.001, 0.001, 0, 0.01);
    DriftThresholds tight = DriftThresholds.defaults().with("length", tiny)
        .with("language", tiny);
    DriftDetector detector = DriftDetector.of(reference, tight);

    int flagged = 0;
    for (long seed = 2; seed < 22; seed++) {
      DriftReport report = detector.compare("chat", NOW, traffic(100, 200, 0.2, 0, seed));
      flagged += row(report, "language", DriftTest.PSI).drifted()
          || row(report, "length", DriftTest.KS).drifted() ? 1 : 0;
    }
    DriftReport spanish = detector.compare("chat", NOW, traffic(100, 200, 0.7, 0, 30));

    assertThat(flagged).as("steady windows flagged of 20").isLessThanOrEqualTo(1);
    assertThat(row(spanish, "language", DriftTest.PSI).drifted()).isTrue();
    assertThat(row(spanish, "language", DriftTest.PSI).threshold()).isGreaterThan(0.001);
  }

  @Test
  void neverFlagsAFeatureWithTooFewSamples() {
    DriftDetector detector = DriftDetector.of(Reference.of(FEATURES,
        traffic(3000, 200, 0.1, 0, 1)), DriftThresholds.defaults());

    DriftReport report = detector.compare("chat", NOW, traffic(20, 600, 0.9, 1, 2));

    assertThat(row(report, "length", DriftTest.PSI).statistic()).isGreaterThan(1);
    assertThat(report.drifted()).isFalse();
  }

  @Test
  void calibratedThresholdsAreTheMeanPlusSigmasOfTheChunkStatistics() {
    Reference reference = Reference.of(FEATURES, traffic(3000, 200, 0.1, 0, 1));
    List<List<Sample>> chunks = List.of(traffic(500, 200, 0.1, 0, 5),
        traffic(500, 210, 0.1, 0, 6), traffic(500, 190, 0.2, 0, 7));
    DriftDetector raw = DriftDetector.of(reference, DriftThresholds.defaults());
    double[] psi = chunks.stream().mapToDouble(c -> row(raw.compare("m", NOW, c), "length",
        DriftTest.PSI).statistic()).toArray();
    double mean = (psi[0] + psi[1] + psi[2]) / 3;
    double sd = Math.sqrt(((psi[0] - mean) * (psi[0] - mean) + (psi[1] - mean) * (psi[1] - mean)
        + (psi[2] - mean) * (psi[2] - mean)) / 2);

    DriftThresholds calibrated = DriftThresholds.calibrate(reference, chunks, 3,
        DriftThresholds.defaults());

    assertThat(calibrated.of("length").psi()).isCloseTo(mean + 3 * sd, within(1e-12));
    assertThat(calibrated.of("language").alpha()).isEqualTo(0.01);
  }

  @Test
  void theReportRendersAsATable() {
    DriftDetector detector = DriftDetector.of(Reference.of(FEATURES,
        traffic(3000, 200, 0.1, 0, 1)), DriftThresholds.defaults());

    String table = detector.compare("chat-large", NOW, traffic(800, 200, 0.6, 0, 3)).render();

    assertThat(table).startsWith("drift report for chat-large at 2025-06-01T12:00:00Z "
        + "(reference 3000 samples, current 800): 1 of 4 tests flag drift");
    assertThat(table.lines().toList()).hasSize(6);
    assertThat(table.lines().skip(1).findFirst().orElseThrow())
        .matches("feature +test +statistic +threshold +p-value +samples +drift");
    assertThat(table).containsPattern("language +PSI +\\d\\.\\d{4} +0\\.2000 +- +800 +DRIFT");
  }

  @Test
  void llmSamplesCarryTheStandardFeaturesAndNotTheText() {
    Sample sample = LlmFeatures.sample("What is the weather like in Lisbon today?",
        Map.of("LOCATION", 1), new float[] {0.1f, 0.2f}, 120, "stop",
        LlmFeatures.Outcome.OK);

    assertThat(sample.numbers()).containsEntry(LlmFeatures.PROMPT_LENGTH, 41.0)
        .containsEntry(LlmFeatures.RESPONSE_LENGTH, 120.0);
    assertThat(sample.categories()).containsEntry(LlmFeatures.LANGUAGE, Map.of("en", 1L))
        .containsEntry(LlmFeatures.ENTITY_MIX, Map.of("LOCATION", 1L))
        .containsEntry(LlmFeatures.OUTCOME, Map.of("ok", 1L));
    assertThat(sample.toString()).doesNotContain("Lisbon");
    assertThat(LlmFeatures.sample("hi", Map.of(), 3, "length", LlmFeatures.Outcome.REFUSAL)
        .categories().get(LlmFeatures.ENTITY_MIX)).containsOnlyKeys(LlmFeatures.NO_ENTITIES);
  }
}
