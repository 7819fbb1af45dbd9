package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueDisplayTest {
  @Test
  void maskedKeepsTheFirstAndLastCharacterAndHidesTheLength() {
    assertThat(ValueDisplay.MASKED.render("bob@example.com")).isEqualTo("b***m");
    assertThat(ValueDisplay.MASKED.render("4111 1111 1111 1111")).isEqualTo("4***1");
    assertThat(ValueDisplay.MASKED.render("Alice")).isEqualTo("A***e");
  }

  @Test
  void maskedHidesShortValuesEntirely() {
    assertThat(ValueDisplay.MASKED.render("Bob")).isEqualTo("****");
    assertThat(ValueDisplay.MASKED.render("Anna")).isEqualTo("****");
  }

  @Test
  void maskedNeverSplitsACharacterOutsideTheBasicPlane() {
    assertThat(ValueDisplay.MASKED.render("😀abc😎")).isEqualTo("😀***😎");
    assertThat(ValueDisplay.MASKED.render("😀ab😎")).isEqualTo("****");
  }

  @Test
  void shownIsTheValueItself() {
    assertThat(ValueDisplay.SHOWN.render("bob@example.com")).isEqualTo("bob@example.com");
  }

  @Test
  void oneLineEscapesControlCharactersSoATableRowStaysOneLine() {
    assertThat(ValueDisplay.oneLine("a\nb\tc\rd\u0007", 60)).isEqualTo("a\\nb\\tc\\rd\\u0007");
  }

  @Test
  void oneLineCutsLongTextWithAnEllipsis() {
    assertThat(ValueDisplay.oneLine("abcdef", 6)).isEqualTo("abcdef");
    assertThat(ValueDisplay.oneLine("abcdefg", 6)).isEqualTo("abcde…");
    assertThat(ValueDisplay.oneLine("abcd\n", 5)).isEqualTo("abcd…");
    assertThat(ValueDisplay.oneLine("abc😀z", 5)).isEqualTo("abc…");
  }
}
