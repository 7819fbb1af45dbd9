package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> tokens(String text) {
    TokenSeq seq = new TokenSeq(256);
    List<String> out = new ArrayList<>();
    int pos = 0;
    while (pos < text.length()) {
      pos = Tokenizer.next(text, pos, seq);
      for (int i = 0; i < seq.size(); i++) {
        out.add(seq.surface(i));
      }
    }
    return out;
  }

  @Test
  void splitsWordsAndPunctuation() {
    assertThat(tokens("Hello, world!")).containsExactly("Hello", ",", "world", "!");
  }

  @Test
  void splitsPossessivesButKeepsInnerApostrophesAndHyphens() {
    assertThat(tokens("O'Brien's Jean-Pierre don't"))
        .containsExactly("O'Brien", "'s", "Jean-Pierre", "don't");
  }

  @Test
  void keepsThePeriodOfShortCapitalizedAbbreviations() {
    assertThat(tokens("Dr. J. Smith, 5 Main St. in the US."))
        .containsExactly("Dr.", "J.", "Smith", ",", "5", "Main", "St.", "in", "the", "US", ".");
  }

  @Test
  void keepsNumbersWithInnerSeparatorsTogether() {
    assertThat(tokens("at 10:30 on 12/05/2024 from 192.168.0.1, paid 1,250.00"))
        .containsExactly("at", "10:30", "on", "12/05/2024", "from", "192.168.0.1", ",", "paid",
            "1,250.00");
  }

  @Test
  void keepsEmailAddressesAndUrlsWhole() {
    assertThat(tokens("mail anna.berg@example.com, see https://example.com/a?b=c."))
        .containsExactly("mail", "anna.berg@example.com", ",", "see", "https://example.com/a?b=c",
            ".");
  }

  @Test
  void treatsControlCharsAsSpaceAndSurrogatesAsTokens() {
    assertThat(tokens("a\u0000b \uD800c😀")).containsExactly("a", "b", "\uD800", "c", "\uD83D",
        "\uDE00");
  }

  @Test
  void stopsSegmentsAfterASentenceOnceHalfFull() {
    TokenSeq seq = new TokenSeq(8);
    String text = "one two three four. five six seven eight nine ten";

    int next = Tokenizer.next(text, 0, seq);

    assertThat(seq.size()).isEqualTo(5);
    assertThat(text.substring(next)).isEqualTo(" five six seven eight nine ten");
  }

  @Test
  void foldsCaseAccentsAndDigitsForHashing() {
    TokenSeq seq = new TokenSeq(8);
    Tokenizer.next("Zoë ZOE zoe 221 907", 0, seq);

    assertThat(seq.word[0]).isEqualTo(seq.word[1]).isEqualTo(seq.word[2]);
    assertThat(seq.word[3]).isEqualTo(seq.word[4]);
  }
}
