package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingWindowTest {
  private final EmbeddingWindow window = new EmbeddingWindow(5, 3);

  @Test
  void keepsTextThatFits() {
    assertThat(window.apply("12345678")).isEqualTo("12345678");
  }

  @Test
  void keepsTheHeadAndTheTailOfLongText() {
    assertThat(window.apply("Summarize: lots of pasted text here. Thanks"))
        .isEqualTo("Summa" + EmbeddingWindow.JOINER + "nks");
  }

  @Test
  void headAndTailWindowsKeepOneEnd() {
    assertThat(EmbeddingWindow.head(4).apply("Translate this please")).isEqualTo("Tran");
    assertThat(EmbeddingWindow.tail(6).apply("Translate this please")).isEqualTo("please");
    assertThat(EmbeddingWindow.tail(6).apply("please")).isEqualTo("please");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String face = "\uD83D\uDE00"; // one emoji, two chars
    String text = "abcd" + face + "xxxxxxxx" + face + "yz";

    String windowed = window.apply(text);

    assertThat(windowed).startsWith("abcd" + EmbeddingWindow.JOINER);
    assertThat(windowed).endsWith(face + "yz");
    assertThat(windowed.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count())
        .as("lone surrogates").isZero();
  }

  @Test
  void rejectsAnEmptyWindow() {
    assertThatThrownBy(() -> new EmbeddingWindow(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmbeddingWindow(-1, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
