package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that identify a person: a date of birth. Only dates shortly after a birth context word
 * (born, DOB, d.o.b., date of birth, birth date, birthday) are reported; other dates are not
 * personal data on their own. Formats: numeric day, month and year in either order with
 * {@code / . -}, ISO {@code yyyy-mm-dd}, "3 March 1990", "3rd of March, 1990", "March 3, 1990",
 * "Mar. 3 1990", and a bare year after "born in".
 */
final class DateOfBirthRecognizer implements Recognizer {
  static final double SCORE = 0.85;
  static final double SCORE_YEAR_ONLY = 0.6;
  private static final int REACH = 40;
  private static final int LONGEST_DATE = 32;
  private static final Pattern CONTEXT = Pattern.compile(
      "(?i)(?<![\\p{L}])(?:born|dob|d\\.o\\.b\\.?|date\\s+of\\s+birth|birth\\s*date|birthday"
          + "|b-?day|geburtsdatum|geboren|n[ée]e?\\s+le)(?![\\p{L}])");
  private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
      + "|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
      + "\\.?";
  private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:19|20)\\d{2}";
  private static final Pattern DATE = Pattern.compile("(?i)(?<![\\w/.-])(?:"
      + "(?:0?[1-9]|[12]\\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\\1(?:" + YEAR + "|\\d{2})"
      + "|(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\\d|3[01])\\2(?:" + YEAR + "|\\d{2})"
      + "|" + YEAR + "([/.-])(?:0?[1-9]|1[0-2])\\3(?:0?[1-9]|[12]\\d|3[01])"
      + "|" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR
      + "|" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR
      + ")(?![\\w/-]|\\.\\d)");
  private static final Pattern BORN_IN_YEAR = Pattern.compile(
      "(?i)\\s+(?:in\\s+)(" + YEAR + ")(?!\\w)");

  @Override
  public void find(CharSequence text, List<Entity> out) {
    Matcher context = Starts.matcher(CONTEXT, text);
    int n = text.length();
    int searchedTo = 0;
    for (int i = 0; i < n; i++) {
      if (contextCanStart(text, i) && Starts.lookingAt(context, i, n)) {
        searchedTo = findDate(text, context.end(), searchedTo, out);
        i = context.end() - 1;
      }
    }
  }

  /**
   * Reports the date (or year) shortly after a context word ending at {@code after}, looking no
   * earlier than {@code searchedTo}; returns the new {@code searchedTo}.
   */
  private static int findDate(CharSequence text, int after, int searchedTo, List<Entity> out) {
    int from = Math.max(after, searchedTo);
    int to = Math.min(text.length(), after + REACH + LONGEST_DATE);
    if (from >= to) {
      return searchedTo;
    }
    Matcher date = DATE.matcher(text).useTransparentBounds(true).region(from, to);
    if (date.find() && date.start() <= after + REACH) {
      out.add(new Entity(EntityType.DATE_TIME, date.start(), date.end(), SCORE));
      return date.end();
    }
    Matcher year = BORN_IN_YEAR.matcher(text).region(after, to);
    if (year.lookingAt()) {
      out.add(new Entity(EntityType.DATE_TIME, year.start(1), year.end(1), SCORE_YEAR_ONLY));
      return year.end();
    }
    return searchedTo;
  }

  /**
   * Whether a context word can start at {@code i}: a b, d, g or n (either case) not after an
   * ASCII letter. The context pattern is tried only there, instead of at every position.
   */
  private static boolean contextCanStart(CharSequence text, int i) {
    char lower = (char) (text.charAt(i) | 0x20);
    return (lower == 'b' || lower == 'd' || lower == 'g' || lower == 'n')
        && (i == 0 || !Starts.isAsciiLetter(text.charAt(i - 1)));
  }
}
