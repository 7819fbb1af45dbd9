package dev.fulcrum.dataplane.privacy.pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
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
 */
final class PhoneRecognizer implements Recognizer {
  static final double SCORE = 0.75;
  static final double SCORE_WITH_CONTEXT = 0.9;
  static final double SCORE_POSSIBLE = 0.4;
  static final double SCORE_POSSIBLE_WITH_CONTEXT = 0.7;
  static final double SCORE_HOUSE_NUMBER = 0.3;
  private static final Pattern STREET_AFTER = Pattern.compile("\\s+(?:\\p{Lu}[\\p{L}'-]*\\s+){1,3}"
      + "(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place"
      + "|pl|suite|square|sq|terrace|crescent|close|parkway)\\b");
  private static final int MIN_DIGITS = 5;
  private static final int MIN_DIGITS_ALONE = 7;
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
    if (countDigits(text, 0, text.length(), MIN_DIGITS) < MIN_DIGITS) {
      return; // libphonenumber's matcher is costly; most prose has no number at all
    }
    for (String region : regions) {
      for (PhoneNumberMatch match : util.findNumbers(text, region, POSSIBLE, Long.MAX_VALUE)) {
        int start = match.start();
        int end = match.end();
        double score = score(text, start, end, strictEnough(match.rawString(), region));
        out.add(new Entity(EntityType.PHONE_NUMBER, start, end, score));
      }
    }
  }

  /** Whether the candidate passes the configured leniency on its own. */
  private boolean strictEnough(String candidate, String region) {
    return leniency == POSSIBLE
        || util.findNumbers(candidate, region, leniency, Long.MAX_VALUE).iterator().hasNext();
  }

  private static double score(CharSequence text, int start, int end, boolean strict) {
    if (STREET_AFTER.matcher(text).region(end, Math.min(text.length(), end + 64)).lookingAt()) {
      return SCORE_HOUSE_NUMBER; // "94941 2505 Heatherleigh Suite": a house number
    }
    boolean context = Context.before(text, start, 32, CONTEXT)
        || Context.after(text, end, 16, CONTEXT);
    boolean longEnough = countDigits(text, start, end, MIN_DIGITS_ALONE) >= MIN_DIGITS_ALONE;
    if (strict && longEnough) {
      return context ? SCORE_WITH_CONTEXT : SCORE;
    }
    return context && longEnough ? SCORE_POSSIBLE_WITH_CONTEXT : SCORE_POSSIBLE;
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
