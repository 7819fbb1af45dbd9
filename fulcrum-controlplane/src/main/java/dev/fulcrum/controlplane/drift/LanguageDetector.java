package dev.fulcrum.controlplane.drift;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tiny language guesser for drift features, not for linguistics: good enough to notice that
 * traffic moved from English to Spanish or Japanese. Looks at the first {@value #MAX_CHARS}
 * characters. A non-Latin script decides by itself (Hiragana/Katakana → ja, Han → zh, Hangul →
 * ko, Cyrillic → ru, Arabic → ar, Hebrew → he, Greek → el, Devanagari → hi, Thai → th); Latin
 * text is scored by frequent function words of en, es, fr, de, pt, it, nl. Returns an ISO 639-1
 * code, or {@value #UNDETERMINED} when nothing matches. Thread-safe.
 */
public final class LanguageDetector {
  public static final String UNDETERMINED = "und";
  static final int MAX_CHARS = 2000;
  private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
      "en", Set.of("the", "and", "is", "of", "to", "in", "that", "it", "you", "for", "with",
          "this", "what", "how", "are", "be", "can"),
      "es", Set.of("el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "una", "es",
          "para", "del", "como", "qué", "cómo"),
      "fr", Set.of("le", "la", "les", "de", "des", "et", "est", "un", "une", "que", "pour",
          "dans", "pas", "vous", "je", "il", "du"),
      "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "ich", "zu",
          "mit", "sie", "den", "wie", "auf", "für", "es"),
      "pt", Set.of("o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma",
          "não", "para", "com", "você", "é"),
      "it", Set.of("il", "lo", "la", "di", "che", "e", "un", "una", "per", "non", "sono",
          "come", "gli", "della", "è", "con", "del"),
      "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "ik", "je", "op",
          "te", "voor", "met", "zijn", "wat", "hoe"));

  private LanguageDetector() {}

  public static String detect(CharSequence text) {
    CharSequence head = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
    String script = script(head);
    return script != null ? script : byFunctionWords(head.toString());
  }

  private static String script(CharSequence text) {
    int han = 0;
    int kana = 0;
    int letters = 0;
    int[] other = new int[8];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      switch (Character.UnicodeScript.of(c)) {
        case HAN -> han++;
        case HIRAGANA, KATAKANA -> kana++;
        case HANGUL -> other[0]++;
        case CYRILLIC -> other[1]++;
        case ARABIC -> other[2]++;
        case HEBREW -> other[3]++;
        case GREEK -> other[4]++;
        case DEVANAGARI -> other[5]++;
        case THAI -> other[6]++;
        default -> { }
      }
    }
    if (letters == 0) {
      return null;
    }
    if (kana > 0 && kana + han > letters / 2) {
      return "ja";
    }
    if (han > letters / 2) {
      return "zh";
    }
    String[] codes = {"ko", "ru", "ar", "he", "el", "hi", "th"};
    for (int s = 0; s < codes.length; s++) {
      if (other[s] > letters / 2) {
        return codes[s];
      }
    }
    return null;
  }

  private static String byFunctionWords(String text) {
    String best = UNDETERMINED;
    int bestScore = 0;
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
      int score = 0;
      for (String word : words) {
        if (language.getValue().contains(word)) {
          score++;
        }
      }
      if (score > bestScore || (score == bestScore && score > 0
          && language.getKey().compareTo(best) < 0)) {
        best = language.getKey();
        bestScore = score;
      }
    }
    return best;
  }
}
