package dev.fulcrum.dataplane.classify;

import java.util.Objects;

/**
 * One line of {@code tools/classifier/prompts.jsonl}.
 *
 * @param prompt the prompt text
 * @param intent its intent label
 * @param complexity its complexity label
 * @param lang ISO 639-1 code of the language the instruction is written in
 */
record LabelledPrompt(String prompt, Intent intent, Complexity complexity, String lang) {
  LabelledPrompt {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(complexity, "complexity");
    Objects.requireNonNull(lang, "lang");
    if (prompt.isBlank()) {
      throw new IllegalArgumentException("blank prompt");
    }
  }

  /** The split is stratified by this pair. */
  String stratum() {
    return intent + "/" + complexity;
  }

  @Override
  public String toString() {
    return "LabelledPrompt[" + stratum() + ", " + lang + ", " + prompt.length() + " chars]";
  }
}
