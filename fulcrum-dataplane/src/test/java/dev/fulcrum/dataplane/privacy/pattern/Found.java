package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.ArrayList;
import java.util.List;

/** Test helper: what a recognizer finds, as the matched substrings, at or above a score. */
final class Found {
  private Found() {}

  static List<String> in(Recognizer recognizer, String text, double minScore) {
    List<Entity> out = new ArrayList<>();
    recognizer.find(text, out);
    return out.stream().filter(e -> e.score() >= minScore)
        .map(e -> text.substring(e.start(), e.end())).distinct().toList();
  }

  static List<String> in(Recognizer recognizer, String text) {
    return in(recognizer, text, 0.5);
  }
}
