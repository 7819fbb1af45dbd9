package dev.fulcrum.dataplane.privacy.pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers, found and validated by libphonenumber's {@code findNumbers} once per default
 * region (numbers written with a {@code +} country code are found whatever the region). A
 * context word such as "phone", "tel" or "fax" nearby raises the score.
 *
 * <p>Candidates are found at libphonenumber's POSSIBLE leniency, then checked on their own at the
 * configured leniency (VALID by default). Those that pass and have at least seven digits score
 * 0.75 (0.9 with context). The rest (possible but not valid for any default region, common with
 * foreign national formats, or too short to stand alone) are reported at 0.7 only with a context
 * word and seven digits, else at 0.4, below the default threshold. A number followed by a street
 * name ("5005 Heatherleigh Suite") is a house number and scores 0.3.
 *
 * <p>Cost bound: libphonenumber's matcher is slow on digit-dense text (seconds for 20 KB of
 * {@code "1-1-1-"}), so it only sees runs of digits and separators, in slices of at most 48
 * chars, and at most {@value #MAX_MATCHER_CALLS} region-slice calls per text. Runs past that
 * budget that hold 7 to 15 digits are reported unverified at 0.5 (over-redacting rather than
 * leaking); longer runs are not reported.
 */
final class PhoneRecognizer implements Recognizer {
  static final double SCORE = 0.75;
  static final double SCORE_WITH_CONTEXT = 0.9;
  static final double SCORE_POSSIBLE = 0.4;
  static final double SCORE_POSSIBLE_WITH_CONTEXT = 0.7;
  static final double SCORE_HOUSE_NUMBER = 0.3;
  static final double SCORE_UNVERIFIED = 0.5;
  private static final Pattern STREET_AFTER = Pattern.compile("\\s+(?:\\p{Lu}[\\p{L}'-]*\\s+){1,3}"
      + "(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place"
      + "|pl|suite|square|sq|terrace|crescent|close|parkway)\\b");
  private static final int MIN_DIGITS = 5;
  private static final int MIN_DIGITS_ALONE = 7;
  private static final int SLICE = 48;
  private static final int MAX_DIGITS = 15;
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
  /** A card number as cards are written: in groups of four (or 4-6-5), one separator kind. */
  private static final Pattern CARD_GROUPS = Pattern.compile(
      "\\d{4}([ -]?)\\d{4}(?:\\1\\d{1,6}){1,3}|\\d{4}([ -]?)\\d{6}\\2\\d{4,5}");
  private static final Pattern DIGIT_SEPARATOR = Pattern.compile("[ -]");
  private static final int MAX_MATCHER_CALLS = 144;
  private static final int MARGIN = 8;
  private static final int SLICE_OVERLAP = 24;
  private static final PhoneNumberUtil.Leniency POSSIBLE = PhoneNumberUtil.Leniency.POSSIBLE;
  private static final List<String> CONTEXT = List.of("phone", "tel", "telephone", "mobile",
      "cell", "fax", "call", "contact", "whatsapp", "sms", "text me", "reach me", "office",
      "landline", "ph", "mob", "tel.", "phone number", "telefon", "téléphone", "handy");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;
  private final PhoneNumberUtil.Leniency leniency;

  PhoneRecognizer(List<String> regions, PhoneNumberUtil.Leniency leniency) {
    this.regions = List.copyOf(regions);
    this.leniency = leniency;
  }

  @Override
  public void find(CharSequence text, List<Entity> out) {
    String s = text.toString();
    int n = s.length();
    int[] budget = {MAX_MATCHER_CALLS};
    int i = 0;
    while (i < n) {
      if (!isPhoneChar(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      while (i < n && isPhoneChar(s.charAt(i))) {
        digits += isDigit(s.charAt(i)) ? 1 : 0;
        i++;
      }
      if (digits >= MIN_DIGITS && budget[0] > 0 && !obviouslyNotAPhone(s, start, i, digits)) {
        findInRun(s, start, i, budget, out);
      } else if (digits >= MIN_DIGITS_ALONE && digits <= MAX_DIGITS) {
        out.add(unverified(s, start, i));
      }
    }
  }

  /**
   * Runs libphonenumber over one run of digits and separators (plus a margin on either side,
   * which its matcher inspects to reject dates, times and numbers glued to words), in
   * overlapping slices when the run is long. Its matcher is
   * costly and superlinear on long runs, so it never sees prose or unbounded input.
   *
   * <p>A number that one region validated is not reported again by the regions after it: they
   * could only repeat its span with the same or a lower score, and checking them would run the
   * matcher once more each.
   */
  private void findInRun(String s, int start, int end, int[] budget, List<Entity> out) {
    List<String> searched = international(s, start, end) ? regions.subList(0, 1) : regions;
    Set<Long> validated = new HashSet<>();
    for (int from = start; from < end && budget[0] > 0; from += SLICE - SLICE_OVERLAP) {
      budget[0] -= searched.size();
      int to = Math.min(end, from + SLICE);
      int sliceStart = Math.max(0, from - MARGIN);
      String slice = s.substring(sliceStart, Math.min(s.length(), to + MARGIN));
      for (String region : searched) {
        for (PhoneNumberMatch m : util.findNumbers(slice, region, POSSIBLE, Long.MAX_VALUE)) {
          int matchStart = sliceStart + m.start();
          int matchEnd = sliceStart + m.end();
          if (matchEnd <= from || matchStart >= to) {
            continue; // inside the margin: another run's business
          }
          long span = (long) matchStart << 32 | matchEnd;
          if (validated.contains(span)) {
            continue;
          }
          double score = score(s, matchStart, matchEnd, m.rawString(), region);
          out.add(new Entity(EntityType.PHONE_NUMBER, matchStart, matchEnd, score));
          if (score == SCORE || score == SCORE_WITH_CONTEXT) {
            validated.add(span);
          }
        }
      }
      if (to == end) {
        return;
      }
    }
  }

  /**
   * Runs the matcher need not see: one IPv4 address, or one Luhn-valid 13-19 digit card number
   * (both have their own recognizers, and the matcher is the costly part of a scan).
   */
  private static boolean obviouslyNotAPhone(String s, int start, int end, int digits) {
    String run = s.substring(start, end).strip();
    if (IPV4.matcher(run).matches()) {
      return true;
    }
    return digits >= 13 && digits <= 19 && CARD_GROUPS.matcher(run).matches()
        && CardNumbers.luhn(DIGIT_SEPARATOR.matcher(run).replaceAll(""));
  }

  /** Whether the run, past leading separators, starts with {@code +}: the region is moot. */
  private static boolean international(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\u00A0') {
        return c == '+' && regionFree(s, i, end);
      }
    }
    return false;
  }

  /** One {@code +} only: a run with a second number in national format needs every region. */
  private static boolean regionFree(String s, int plus, int end) {
    return s.indexOf("  ", plus) < 0 || s.indexOf("  ", plus) >= end;
  }

  /** A run past the matcher budget: reported whole, trimmed of separators, unverified. */
  private static Entity unverified(String s, int start, int end) {
    while (!isDigit(s.charAt(start)) && s.charAt(start) != '+' && s.charAt(start) != '(') {
      start++;
    }
    while (!isDigit(s.charAt(end - 1)) && s.charAt(end - 1) != ')') {
      end--;
    }
    return new Entity(EntityType.PHONE_NUMBER, start, end, SCORE_UNVERIFIED);
  }

  /** Digits and what phone numbers are written with between them. */
  private static boolean isPhoneChar(char c) {
    return isDigit(c) || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+'
        || c == '/' || c == '\u00A0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether the candidate passes the configured leniency on its own. */
  private boolean strictEnough(String candidate, String region) {
    return leniency == POSSIBLE
        || util.findNumbers(candidate, region, leniency, Long.MAX_VALUE).iterator().hasNext();
  }

  /**
   * Scores the candidate {@code text[start, end)}, read as {@code raw} in {@code region}. The
   * leniency check runs the matcher again, so it is made last, and only when it decides.
   */
  private double score(CharSequence text, int start, int end, String raw, String region) {
    if (STREET_AFTER.matcher(text).region(end, Math.min(text.length(), end + 64)).lookingAt()) {
      return SCORE_HOUSE_NUMBER; // "94941 2505 Heatherleigh Suite": a house number
    }
    if (countDigits(text, start, end, MIN_DIGITS_ALONE) < MIN_DIGITS_ALONE) {
      return SCORE_POSSIBLE;
    }
    boolean context = Context.before(text, start, 32, CONTEXT)
        || Context.after(text, end, 16, CONTEXT);
    if (strictEnough(raw, region)) {
      return context ? SCORE_WITH_CONTEXT : SCORE;
    }
    return context ? SCORE_POSSIBLE_WITH_CONTEXT : SCORE_POSSIBLE;
  }

  static int countDigits(CharSequence text, int from, int to, int enough) {
    int digits = 0;
    for (int i = from; i < to && digits < enough; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits;
  }
}
