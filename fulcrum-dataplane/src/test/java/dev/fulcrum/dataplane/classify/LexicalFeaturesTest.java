package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LexicalFeaturesTest {

  @Test
  void hasOneValuePerName() {
    assertThat(LexicalFeatures.of("hi")).hasSize(LexicalFeatures.NAMES.size());
  }

  @Test
  void countsLinesQuestionsAndListItems() {
    double[] f = LexicalFeatures.of("Two questions?\n\n- first?\n2) second\n* third");

    assertThat(f[index("log_lines")]).isCloseTo(Math.log1p(4), within(1e-12));
    assertThat(f[index("log_questions")]).isCloseTo(Math.log1p(2), within(1e-12));
    assertThat(f[index("log_list_items")]).isCloseTo(Math.log1p(3), within(1e-12));
  }

  @Test
  void seesCodeFencesAndSymbols() {
    double[] code = LexicalFeatures.of("```js\nif (a) { b(); }\n```");
    double[] prose = LexicalFeatures.of("Write a poem about the sea");

    assertThat(code[index("code_fence")]).isEqualTo(1.0);
    assertThat(prose[index("code_fence")]).isZero();
    assertThat(code[index("code_symbol_ratio")]).isGreaterThan(0.2);
    assertThat(prose[index("code_symbol_ratio")]).isZero();
  }

  @Test
  void measuresNonAsciiLettersAndDigits() {
    assertThat(LexicalFeatures.of("你好世界")[index("non_ascii_letters")]).isEqualTo(1.0);
    assertThat(LexicalFeatures.of("hello")[index("non_ascii_letters")]).isZero();
    assertThat(LexicalFeatures.of("a1b2")[index("digit_ratio")]).isEqualTo(0.5);
  }

  @Test
  void toleratesEmptyAndOddInput() {
    assertThat(LexicalFeatures.of("")).containsOnly(0.0);
    assertThat(LexicalFeatures.of("\uD800 \u0000 \uFFFD")).doesNotContain(Double.NaN);
  }

  private static int index(String name) {
    return LexicalFeatures.NAMES.indexOf(name);
  }
}
