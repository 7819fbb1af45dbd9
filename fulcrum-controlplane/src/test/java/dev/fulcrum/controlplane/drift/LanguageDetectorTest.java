package dev.fulcrum.controlplane.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "en | What is the capital of France and how big is it?",
      "es | ¿Cuál es la capital de Francia y por qué es tan grande?",
      "fr | Quelle est la capitale de la France et pourquoi est-elle si grande ?",
      "de | Was ist die Hauptstadt von Frankreich und wie groß ist sie?",
      "pt | Qual é a capital da França e por que você não sabe?",
      "it | Qual è la capitale della Francia e perché non lo sono?",
      "nl | Wat is de hoofdstad van Frankrijk en hoe groot is het?",
      "ja | フランスの首都はどこですか？",
      "zh | 法国的首都是哪里？",
      "ko | 프랑스의 수도는 어디입니까?",
      "ru | Какая столица Франции?",
      "ar | ما هي عاصمة فرنسا؟",
      "und | 12345 !!!",
      "und | xyzzy plugh"})
  void guessesTheLanguageOfAPrompt(String expected, String text) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
  }
}
