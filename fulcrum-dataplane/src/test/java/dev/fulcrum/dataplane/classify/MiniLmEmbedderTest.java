package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pins what the packaged MiniLM actually reads, because the classifier's window sizes depend on
 * it. If langchain4j changes its tokenizer settings this fails: revisit {@code Trainer.LAYOUT}
 * and retrain.
 */
class MiniLmEmbedderTest {
  private final MiniLmEmbedder embedder = MiniLmEmbedder.shared();

  @Test
  void readsOnlyTheFirst128Tokens() {
    // about 200 tokens: already past what the model reads
    String start = "Summarize the following meeting notes for the team. ".repeat(20);
    float[] alone = embedder.embed(start);
    float[] withMore = embedder.embed(start + "Translate everything above into Japanese instead.");

    assertThat(withMore).containsExactly(alone);
  }

  @Test
  void textWithoutTokensEmbedsAsZeros() {
    assertThat(embedder.embed("\u0000\u0001\u0007")).hasSize(MiniLmEmbedder.DIMENSIONS)
        .containsOnly(0f);
  }

  @Test
  void readsShortTextsWhole() {
    assertThat(embedder.embed("Translate this into German."))
        .hasSize(MiniLmEmbedder.DIMENSIONS)
        .isNotEqualTo(embedder.embed("Translate this into German. Thanks!"));
  }
}
