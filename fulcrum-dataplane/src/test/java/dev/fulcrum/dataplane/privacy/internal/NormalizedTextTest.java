package dev.fulcrum.dataplane.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {

  @Test
  void foldsFullWidthLettersAndDigitsAndMapsBackToTheOriginal() {
    String original = "mail ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ now";

    NormalizedText n = NormalizedText.of(original);

    assertThat(n.text()).isEqualTo("mail john@example.com now");
    int start = n.text().indexOf("john");
    int end = n.text().indexOf(" now");
    assertThat(original.substring(n.originalStart(start), n.originalEnd(end)))
        .isEqualTo("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ");
  }

  @Test
  void removesZeroWidthCharactersAndSoftHyphensButKeepsThemInsideMappedSpans() {
    String original = "card 4111\u200B1111\u200C1111\u200D1111\u2060 \uFEFFx\u00ADy";

    NormalizedText n = NormalizedText.of(original);

    assertThat(n.text()).isEqualTo("card 4111111111111111 xy");
    int start = n.text().indexOf("4111");
    assertThat(original.substring(n.originalStart(start), n.originalEnd(start + 16)))
        .isEqualTo("4111\u200B1111\u200C1111\u200D1111");
  }

  @Test
  void composesCombiningMarksAndExpandsCompatibilityCharacters() {
    String original = "Cafe\u0301 ﬁle ①";

    NormalizedText n = NormalizedText.of(original);

    assertThat(n.text()).isEqualTo("Café file 1");
    assertThat(original.substring(n.originalStart(3), n.originalEnd(4))).isEqualTo("e\u0301");
    assertThat(original.substring(n.originalStart(5), n.originalEnd(6))).isEqualTo("ﬁ");
  }

  @Test
  void passesLoneSurrogatesNulsAndReplacementCharactersThrough() {
    String original = "a\uD800b\uDC00c\u0000\uFFFD\uD83D\uDE00";

    NormalizedText n = NormalizedText.of(original);

    assertThat(n.text()).isEqualTo(original);
  }

  @Test
  void leavesAsciiUncopiedAndOffsetsShiftedByTheRangeStart() {
    NormalizedText n = NormalizedText.of("xxhello worldxx", 2, 13);

    assertThat(n.identity()).isTrue();
    assertThat(n.text()).isEqualTo("hello world");
    assertThat(n.originalStart(0)).isEqualTo(2);
    assertThat(n.originalEnd(11)).isEqualTo(13);
  }

  @Test
  void toStringNeverShowsTheText() {
    assertThat(NormalizedText.of("secret ｓｅｃｒｅｔ").toString()).doesNotContain("secret");
  }

  /** Property: for random mixes of tricky characters, every span maps to a valid, ordered span. */
  @Test
  void everySpanMapsToAValidInOrderSpanOfTheOriginal() {
    SplittableRandom random = new SplittableRandom(20_240_917L);
    for (int round = 0; round < 400; round++) {
      String original = randomTricky(random, random.nextInt(0, 60));
      int from = original.isEmpty() ? 0 : random.nextInt(0, original.length());
      int to = random.nextInt(from, original.length() + 1);
      NormalizedText n = NormalizedText.of(original, from, to);
      int previousStart = from;
      int previousEnd = from;
      for (int s = 0; s < n.length(); s++) {
        int start = n.originalStart(s);
        int end = n.originalEnd(s + 1);
        assertThat(start).isBetween(from, to - 1).isGreaterThanOrEqualTo(previousStart);
        assertThat(end).isGreaterThan(start).isLessThanOrEqualTo(to)
            .isGreaterThanOrEqualTo(previousEnd);
        previousStart = start;
        previousEnd = end;
      }
      for (int k = 0; k < 20 && n.length() > 0; k++) {
        int s = random.nextInt(0, n.length());
        int e = random.nextInt(s + 1, n.length() + 1);
        assertThat(n.originalStart(s)).isLessThan(n.originalEnd(e));
      }
    }
  }

  @Test
  void leavesProseWithCurlyQuotesDashesAndAccentsUncopied() {
    String prose = "Zoë’s café — “naïve” 東京";

    NormalizedText n = NormalizedText.of(prose);

    assertThat(n.identity()).isTrue();
    assertThat(n.text()).isSameAs(prose);
  }

  /**
   * Property: the shortcut for text that normalization leaves as it is (one check per char, no
   * copy) gives the same text and the same map as normalizing cluster by cluster, on text that
   * mixes ASCII, chars NFKC keeps (which take the shortcut) and chars it changes (which do not).
   */
  @Test
  void shortcutAndClusterByClusterNormalizationAgree() {
    SplittableRandom random = new SplittableRandom(20_251_130L);
    String[] stable = {"a", "Q", "9", " ", ".", "’", "é", "—", "“", "ü", "東", "ß", "\u00FF"};
    int shortcuts = 0;
    for (int round = 0; round < 600; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(0, 40);
      boolean onlyStable = random.nextBoolean();
      while (text.length() < length) {
        text.append(onlyStable || random.nextInt(8) > 0
            ? stable[random.nextInt(stable.length)] : randomTricky(random, 1));
      }
      String original = text.toString();
      int from = original.isEmpty() ? 0 : random.nextInt(0, original.length());
      int to = random.nextInt(from, original.length() + 1);

      NormalizedText fast = NormalizedText.of(original, from, to);
      NormalizedText full = NormalizedText.ofEveryCluster(original, from, to);

      shortcuts += fast.identity() ? 1 : 0;
      assertThat(fast.text()).isEqualTo(full.text());
      for (int i = 0; i < fast.length(); i++) {
        assertThat(fast.originalStart(i)).isEqualTo(full.originalStart(i));
        assertThat(fast.originalEnd(i + 1)).isEqualTo(full.originalEnd(i + 1));
      }
    }
    assertThat(shortcuts).isGreaterThan(200).isLessThan(600);
  }

  static String randomTricky(SplittableRandom random, int length) {
    String[] pieces = {"a", "Z", "7", " ", "@", ".", "\u200B", "\u00AD", "\uFEFF", "ｊ", "４",
        "＠", "e\u0301", "\u0301", "ﬁ", "①", "\uD800", "\uDC00", "\uD83D\uDE00", "\u0000",
        "\uFFFD", "ß", "İ", "\u00A0", "\u2060", "㎏", "\uFDFA"};
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }
}
