package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier's own logic, over a fake two-dimensional embedder: no ONNX, no weights file. */
class LinearPromptClassifierTest {
  private static final int DIMENSIONS = 2 * 2 + LexicalFeatures.NAMES.size();

  /** "Embeds" a text as (mentions code, mentions prove); remembers what it was asked to embed. */
  private static final class FakeEmbedder implements TextEmbedder {
    final List<String> seen = new ArrayList<>();

    @Override
    public float[] embed(String text) {
      seen.add(text);
      return new float[] {text.contains("code") ? 1f : 0f, text.contains("prove") ? 1f : 0f};
    }

    @Override
    public int dimensions() {
      return 2;
    }
  }

  private final FakeEmbedder embedder = new FakeEmbedder();
  private final LinearPromptClassifier classifier = new LinearPromptClassifier(model(), embedder);

  @Test
  void labelsFromTheHeads() {
    assertThat(classifier.classify("please prove it")).satisfies(result -> {
      assertThat(result.complexity()).isEqualTo(Complexity.COMPLEX);
      assertThat(result.intent()).isEqualTo(Intent.REASONING);
    });
    assertThat(classifier.classify("some code").intent()).isEqualTo(Intent.CODE);
    assertThat(classifier.classify("hello").complexity()).isEqualTo(Complexity.SIMPLE);
  }

  @Test
  void embedsOnlyTheWindowsOfALongPrompt() {
    classifier.classify("x".repeat(10_000));

    assertThat(embedder.seen).extracting(String::length)
        .containsExactly(20 + EmbeddingWindow.JOINER.length(), 5);
  }

  @Test
  void embedsAShortPromptOnceForBothWindows() {
    classifier.classify("hey");

    assertThat(embedder.seen).containsExactly("hey");
  }

  @Test
  void blankPromptsAreSimpleChatWithoutEmbedding() {
    assertThat(classifier.classify(" \n\t"))
        .isEqualTo(new PromptClass(Complexity.SIMPLE, 1.0, Intent.CHAT, 1.0));
    assertThat(embedder.seen).isEmpty();
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> classifier.classify(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void refusesAModelBuiltForAnotherEmbedding() {
    TextEmbedder wider = new TextEmbedder() {
      @Override
      public float[] embed(String text) {
        return new float[3];
      }

      @Override
      public int dimensions() {
        return 3;
      }
    };
    assertThatThrownBy(() -> new LinearPromptClassifier(model(), wider))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads 12 features");
  }

  @Test
  void toStringNamesTheModelOnly() {
    classifier.classify("secret prompt text");

    assertThat(classifier.toString()).isEqualTo("LinearPromptClassifier[test-model]")
        .doesNotContain("secret");
  }

  private static ClassifierModel model() {
    float[][] complexity = new float[2][DIMENSIONS];
    complexity[1][1] = 4f; // "prove" in the first window → COMPLEX
    float[][] intent = new float[Intent.values().length][DIMENSIONS];
    intent[Intent.CODE.ordinal()][0] = 4f;
    intent[Intent.REASONING.ordinal()][1] = 4f;
    return new ClassifierModel("test-model",
        List.of(new EmbeddingWindow(10, 10), new EmbeddingWindow(5, 0)),
        new SoftmaxHead<>(List.of(Complexity.values()), complexity, new float[2], 1.0),
        new SoftmaxHead<>(List.of(Intent.values()), intent, new float[Intent.values().length],
            1.0));
  }
}
