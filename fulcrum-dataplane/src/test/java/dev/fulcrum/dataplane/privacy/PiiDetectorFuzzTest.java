package dev.fulcrum.dataplane.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The detector must never throw because of what a text contains. Seeds are fixed. */
class PiiDetectorFuzzTest {
  private static final PiiDetector DETECTOR = PiiDetector.builder()
      .recognizers(PatternRecognizers.all()).minScore(0).build();

  @Test
  void randomBinaryJunkNeverThrowsAndYieldsValidSpans() {
    SplittableRandom random = new SplittableRandom(7L);
    for (int round = 0; round < 150; round++) {
      char[] chars = new char[random.nextInt(0, 3000)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (random.nextBoolean() ? random.nextInt(0, 0x80)
            : random.nextInt(0, 0x10000));
      }
      assertValid(new String(chars));
    }
  }

  @Test
  void randomMixesOfPiiFragmentsAndTrickyCharactersNeverThrow() {
    String[] pieces = {"4111 1111 1111 1111", "a@b.co", "@", ".", "-", "::", ":", "+1 ",
        "(555) 010-0199", "GB82 WEST 1234 5698 7654 32", "078-05-1120", "192.168.0.1",
        "https://", "www.", "sk-", "eyJ", "-----BEGIN PRIVATE KEY-----", "born ", "DOB ",
        "\u200B", "\uD800", "\uDC00", "\u0000", "\uFFFD", "ｊ", "e\u0301", " ", "\n", "1", "9"};
    SplittableRandom random = new SplittableRandom(11L);
    for (int round = 0; round < 60; round++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(0, 80);
      for (int i = 0; i < n; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertValid(text.toString());
    }
  }

  /** Digit-dense runs are the expensive case for the phone matcher, so they stay at 20 KB. */
  @ParameterizedTest
  @ValueSource(strings = {"1-", "1 ", "a.", "@", "a@", ".a", ":", "1:", "f:", "<", "+1", "x",
      "\u200B", "\uD800", "eyJ", "sk-", "-----BEGIN ", "1.", "(1)", "A1b2"})
  void longRepetitionsOfOneFragmentNeverThrow(String fragment) {
    assertValid(fragment.repeat(20_000 / fragment.length()));
  }

  @Test
  void tenMegabytesOfMixedTextNeverThrow() {
    StringBuilder text = new StringBuilder(10 * 1024 * 1024);
    SplittableRandom random = new SplittableRandom(3L);
    String[] words = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "a ", "lazy ",
        "dog ", "\u0000", "\uFFFD", "\uDBFF", "ｆｕｌｌ ", "\n", "\u200B", "é "};
    String[] pii = {"4111-1111-1111-1111 ", "jo@x.io ", "10.1.2.3 ", "+1 415 555 0100 "};
    while (text.length() < 10 * 1024 * 1024) {
      text.append(random.nextInt(200) == 0 ? pii[random.nextInt(pii.length)]
          : words[random.nextInt(words.length)]);
    }

    List<Entity> found = assertValid(text.toString());

    assertThat(found).isNotEmpty();
  }

  private static List<Entity> assertValid(String text) {
    List<Entity> found = DETECTOR.analyze(text);
    int previousEnd = 0;
    for (Entity e : found) {
      assertThat(e.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(e.end()).isLessThanOrEqualTo(text.length());
      previousEnd = e.end();
    }
    return found;
  }
}
