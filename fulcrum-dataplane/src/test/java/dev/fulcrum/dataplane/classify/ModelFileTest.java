package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fulcrum.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFileTest {
  private static final List<EmbeddingWindow> WINDOWS =
      List.of(new EmbeddingWindow(7, 3), new EmbeddingWindow(4, 0));
  private static final int DIMENSIONS =
      WINDOWS.size() * MiniLmEmbedder.DIMENSIONS + LexicalFeatures.NAMES.size();

  @Test
  void theShippedWeightsLoadWithoutTheEmbeddingModel() {
    ClassifierModel model = ModelFile.readDefault();

    assertThat(model.version()).startsWith(ModelWriter.VERSION_PREFIX);
    assertThat(model.complexity().dimensions()).isEqualTo(
        model.windows().size() * MiniLmEmbedder.DIMENSIONS + LexicalFeatures.NAMES.size());
    assertThat(model.intent().labels()).containsExactly(Intent.values());
    assertThat(model.complexity().temperature()).isPositive();
  }

  @Test
  void roundTripsWhatTheTrainerWrites() throws IOException {
    double[][] weights = new double[2][DIMENSIONS];
    weights[1][0] = 0.75;
    String json = write(weights, 1.5);
    float[] x = new float[DIMENSIONS];
    x[0] = 2f;

    ClassifierModel model = read(json);

    double expected = 1 / (1 + Math.exp(-0.75 * 2 / 1.5));
    assertThat(model.complexity().probabilities(x)[1]).isCloseTo(expected, within(1e-6));
    assertThat(model.windows()).isEqualTo(WINDOWS);
  }

  @Test
  void theVersionChangesWithTheWeights() throws IOException {
    double[][] weights = new double[2][DIMENSIONS];
    String before = read(write(weights, 1.0)).version();
    weights[0][5] = 0.1;

    assertThat(read(write(weights, 1.0)).version()).isNotEqualTo(before);
  }

  @Test
  void namesTheFieldThatDoesNotFit() {
    String valid = write(new double[2][DIMENSIONS], 1.0);

    assertRejected(valid.replace(ModelFile.FORMAT, "other/9"), "'format'");
    assertRejected(valid.replace("\"headChars\" : 7", "\"headChars\" : -7"),
        "'embedding.windows[0]'");
    assertRejected(valid.replace("\"log_chars\"", "\"log_words\""), "'lexicalFeatures'");
    assertRejected(valid.replace("\"SIMPLE\", \"COMPLEX\"", "\"SIMPLE\", \"HARD\""),
        "'heads.complexity.labels' names 'HARD'");
    assertRejected(valid.replace("\"temperature\" : 1.0", "\"temperature\" : -1.0"),
        "'heads.complexity.temperature'");
    assertRejected(valid.replace("\"CHAT\" : [ 0.0, ", "\"CHAT\" : [ "),
        "'heads.intent.weights.CHAT' must be an array of " + DIMENSIONS);
  }

  private static void assertRejected(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
  }

  private static String write(double[][] complexityWeights, double temperature) {
    return ModelWriter.write(WINDOWS,
        new ModelWriter.Head<>(List.of(Complexity.values()), complexityWeights, new double[2],
            temperature),
        new ModelWriter.Head<>(List.of(Intent.values()),
            new double[Intent.values().length][DIMENSIONS], new double[Intent.values().length],
            1.0),
        Json.object());
  }

  private static ClassifierModel read(String json) throws IOException {
    return ModelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
  }
}
