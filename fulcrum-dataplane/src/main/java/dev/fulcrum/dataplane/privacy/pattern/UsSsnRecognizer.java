package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers: {@code AAA-GG-SSSS} with dashes, spaces or dots (the same
 * separator twice), or nine bare digits. Area 000, 666 and 900-999, group 00, serial 0000, one
 * repeated digit and well-known sample numbers are rejected. Bare nine-digit numbers are far too
 * common to report alone, so they need a context word ("SSN", "social security") shortly before;
 * context also raises the score of separated forms.
 */
final class UsSsnRecognizer implements Recognizer {
  static final double SCORE_DASHED = 0.85;
  static final double SCORE_SPACED = 0.6;
  static final double SCORE_WITH_CONTEXT = 0.95;
  private static final Pattern SSN = Pattern.compile(
      "(?<![\\w.-])(\\d{3})([- .]?)(\\d{2})\\2(\\d{4})(?![\\w-]|\\.\\d)");
  private static final List<String> CONTEXT = List.of("ssn", "ssns", "ssn#", "social security",
      "social sec", "ss#", "ss #", "ss no", "soc sec", "sozialversicherungsnummer");
  private static final Set<String> SAMPLES = Set.of("123456789", "078051120", "219099999",
      "457555462");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    Matcher m = Starts.matcher(SSN, text);
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (Starts.digitRunStart(text, i) && threeDigits(text, i, n) && Starts.lookingAt(m, i, n)) {
        consider(text, m, out);
        i = m.end() - 1;
      }
    }
  }

  /** Every form starts with the three area digits: shorter numbers need no pattern. */
  private static boolean threeDigits(CharSequence text, int i, int n) {
    return i + 2 < n && Starts.isAsciiDigit(text.charAt(i + 1))
        && Starts.isAsciiDigit(text.charAt(i + 2));
  }

  private static void consider(CharSequence text, Matcher m, List<Entity> out) {
    if (!valid(m.group(1), m.group(3), m.group(4))) {
      return;
    }
    boolean context = Context.before(text, m.start(), 40, CONTEXT);
    String separator = m.group(2);
    double score = context ? SCORE_WITH_CONTEXT
        : separator.equals("-") ? SCORE_DASHED
        : separator.isEmpty() ? 0 : SCORE_SPACED;
    if (score > 0) {
      out.add(new Entity(EntityType.US_SSN, m.start(), m.end(), score));
    }
  }

  static boolean valid(String area, String group, String serial) {
    String all = area + group + serial;
    int a = Integer.parseInt(area);
    return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000")
        && !SAMPLES.contains(all) && all.chars().distinct().count() > 1;
  }
}
