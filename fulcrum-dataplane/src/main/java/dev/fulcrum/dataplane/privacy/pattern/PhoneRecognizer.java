package dev.fulcrum.dataplane.privacy.pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;

/**
 * Phone numbers, found and validated by libphonenumber's {@code findNumbers} once per default
 * region (numbers written with a {@code +} country code are found whatever the region). A
 * context word such as "phone", "tel" or "fax" nearby raises the score.
 */
final class PhoneRecognizer implements Recognizer {
  static final double SCORE = 0.75;
  static final double SCORE_WITH_CONTEXT = 0.9;
  private static final int MIN_DIGITS = 5;
  private static final List<String> CONTEXT = List.of("phone", "tel", "telephone", "mobile",
      "cell", "fax", "call", "contact", "number", "whatsapp", "sms", "text me", "reach me",
      "office", "landline", "ph", "mob", "tel.");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;
  private final PhoneNumberUtil.Leniency leniency;

  PhoneRecognizer(List<String> regions, PhoneNumberUtil.Leniency leniency) {
    this.regions = List.copyOf(regions);
    this.leniency = leniency;
  }

  @Override
  public void find(CharSequence text, List<Entity> out) {
    if (countDigits(text, MIN_DIGITS) < MIN_DIGITS) {
      return; // libphonenumber's matcher is costly; most prose has no number at all
    }
    for (String region : regions) {
      for (PhoneNumberMatch match : util.findNumbers(text, region, leniency, Long.MAX_VALUE)) {
        int start = match.start();
        int end = match.end();
        out.add(new Entity(EntityType.PHONE_NUMBER, start, end, score(text, start, end)));
      }
    }
  }

  private static double score(CharSequence text, int start, int end) {
    return Context.before(text, start, 32, CONTEXT) || Context.after(text, end, 16, CONTEXT)
        ? SCORE_WITH_CONTEXT : SCORE;
  }

  static int countDigits(CharSequence text, int enough) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < enough; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits;
  }
}
