package dev.fulcrum.dataplane.privacy.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fills the sentence templates with faker samples and gazetteer entries, recording gold spans.
 * Deterministic for a given seed. Adds the variation real text has: names in many formats,
 * lowercase and uppercase sentences, several sentences per example.
 */
final class SentenceGenerator {
  private static final int PERSON = 0;
  private static final int LOCATION = 1;
  private static final int ORGANIZATION = 2;
  private static final int NRP = 3;
  private static final int NONE = -1;

  private static final String[] TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms",
      "Dr", "Miss", "Sir", "Madam", "Herr", "Frau", "Mme", "Señor", "Sra.", "Dott.", "Rev.",
      "Captain", "Officer", "Detective", "Nurse", "Coach", "Judge"};
  private static final String[] SUFFIXES = {"Jr.", "Sr.", "II", "III", "PhD", "MD"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
      "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
  private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] HOLIDAYS = {"Christmas", "Easter", "Halloween", "Thanksgiving",
      "New Year", "Ramadan", "Diwali", "Hanukkah", "Valentine's Day", "Mother's Day",
      "Father's Day", "Independence Day", "Labor Day", "Black Friday", "Eid"};
  private static final String[] SEASONS = {"Spring", "Summer", "Autumn", "Fall", "Winter",
      "summer", "winter"};
  private static final String[] DOMAINS = {"gmail.com", "example.com", "outlook.com", "yahoo.com",
      "company.org", "mail.de", "web.de", "icloud.com"};
  private static final String[] ORG_STEMS = {"Data", "Cloud", "Bright", "Blue", "Green", "Nova",
      "Quantum", "Civic", "Lucid", "Mystic", "Apex", "Vertex", "Silver", "Iron", "Pixel",
      "Solar", "Urban", "Smart", "Open", "Deep", "True", "Clear", "Red", "North", "Peak",
      "Swift", "Zen", "Omni", "Hyper", "Meta", "Terra", "Aqua", "Star", "Sun", "Wave", "Net",
      "Opti", "Geo", "Bio", "Info", "Eco", "Tech", "Flex", "Core", "Prime", "Next", "Fusion"};
  private static final String[] ORG_TAILS = {"ly", "ify", "io", "ex", "tive", "ium", "a", "on",
      "Web", "Labs", "Works", "Soft", "Line", "Lane", "Point", "Path", "Stack", "Hub", "Mind",
      "Insight", "Sight", "Logic", "Scape", "Wise", "Sense", "Forge", "Base", "Bridge", "Gate",
      "Data", "Media", "Health", "Bank", "Energy", "Systems", "Research", "Dynamics",
      " Technologies", " Solutions", " Partners", " Group", " Resources", " Analytics"};
  private static final String[] ORG_SUFFIXES = {"Inc.", "Inc", "LLC", "Ltd", "Ltd.", "GmbH", "AG",
      "PLC", "Corp.", "Corporation", "Group", "S.A.", "SA", "BV", "Pty Ltd", "& Co.", "and Sons",
      "Holdings", "Foundation", "University", "Bank", "Institute"};
  private static final List<String> ENGLISH = List.of("en", "en_US", "en_GB", "en_AU", "en_CA",
      "en_IE", "en_IN", "en_ZA", "en_NG", "en_GH");

  private final TrainingSources src;
  private final Random rnd;
  private final List<String> locales;
  private final List<String> capWords;
  private StringBuilder text;
  private List<Example.Span> spans;
  private final Set<String> knownWords = new HashSet<>();
  private boolean lowerEntities;
  private boolean lowerSentence;

  SentenceGenerator(TrainingSources src, long seed) {
    this.src = src;
    this.rnd = new Random(seed);
    this.locales = new ArrayList<>(src.samples.get("FIRST").keySet());
    List<String> caps = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String cls : List.of("FIRST", "LAST", "CITY", "COUNTRY", "STATE", "NRP")) {
      for (String v : src.gazetteer.get(cls)) {
        names.add(v.toLowerCase(Locale.ROOT));
      }
    }
    for (String cls : List.of("FIRST", "LAST", "CITY", "COUNTRY", "STATE", "NRP", "STREET",
        "STREET_SUFFIX", "ORG_SUFFIX", "WORD")) {
      for (String v : src.gazetteer.get(cls)) {
        for (String w : v.toLowerCase(Locale.ROOT).split("[ ,.\\n-]+")) {
          knownWords.add(w);
        }
      }
    }
    for (String w : src.gazetteer.get("WORD")) {
      if (w.length() > 2 && !names.contains(w)) {
        caps.add(w);
      }
    }
    this.capWords = caps;
  }

  /** One example: usually one sentence, sometimes two or three joined. */
  Example next() {
    text = new StringBuilder();
    spans = new ArrayList<>();
    int sentences = rnd.nextInt(100) < 15 ? 2 + rnd.nextInt(2) : 1;
    int variant = rnd.nextInt(100);
    lowerSentence = variant < 6;
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        text.append(rnd.nextInt(4) == 0 ? "\n" : " ");
      }
      lowerEntities = rnd.nextInt(100) < 4;
      fill(choose(src.templates.get(rnd.nextInt(src.templates.size()))));
    }
    String result = text.toString();
    if (lowerSentence) {
      result = lowerOutsideEntities(result);
    } else if (variant < 8) {
      result = mapCase(result, true);
    }
    return new Example(result, spans);
  }

  /** Lowercases everything but entity values (which {@link #entity} already decided on). */
  private String lowerOutsideEntities(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      boolean inside = false;
      for (Example.Span span : spans) {
        inside |= i >= span.start() && i < span.end();
      }
      if (!inside) {
        c[i] = Character.toLowerCase(c[i]);
      }
    }
    return new String(c);
  }

  /** Char-by-char case mapping, so offsets stay valid. */
  private static String mapCase(String s, boolean upper) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = upper ? Character.toUpperCase(c[i]) : Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /** Resolves {@code [a|b|c]} alternatives. */
  private String choose(String template) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('[', i);
      int close = open < 0 ? -1 : template.indexOf(']', open);
      if (open < 0 || close < 0) {
        b.append(template, i, template.length());
        break;
      }
      b.append(template, i, open);
      String[] options = template.substring(open + 1, close).split("\\|", -1);
      b.append(options[rnd.nextInt(options.length)]);
      i = close + 1;
    }
    return b.toString();
  }

  private void fill(String template) {
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        text.append(template, i, template.length());
        return;
      }
      text.append(template, i, open);
      slot(template.substring(open + 1, close));
      i = close + 1;
    }
  }

  private void slot(String name) {
    switch (name) {
      case "PERSON" -> person();
      case "FIRST" -> entity(PERSON, first());
      case "LAST" -> entity(PERSON, last());
      case "TITLED" -> {
        text.append(pick(TITLES)).append(' ');
        entity(PERSON, rnd.nextInt(4) == 0 ? first() + " " + last() : last());
      }
      case "CITY" -> entity(LOCATION, city());
      case "STATE" -> entity(LOCATION, state());
      case "COUNTRY" -> entity(LOCATION, country());
      case "STREET" -> entity(LOCATION, street());
      case "STREETNAME" -> entity(LOCATION, streetName());
      case "SECONDARY" -> entity(LOCATION, sample("SECONDARY"));
      case "ADDRESS" -> address();
      case "ORG" -> entity(ORGANIZATION, org());
      case "NRP" -> entity(NRP, nrp());
      default -> text.append(negative(name));
    }
  }

  /**
   * Appends an entity value. Lowercased only when every word of it is in the gazetteer: a
   * lowercase word no list knows is, in real text, far more often a typo or slang than a name.
   */
  private void entity(int type, String value) {
    String v = lowerEntities || lowerSentence ? value.toLowerCase(Locale.ROOT) : value;
    if (v.length() != value.length() || !known(v)) {
      v = value;
    }
    int start = text.length();
    text.append(v);
    spans.add(new Example.Span(type, start, text.length()));
  }

  private boolean known(String lower) {
    for (String w : lower.split("[ ,.\\n-]+")) {
      if (!w.isEmpty() && !Character.isDigit(w.charAt(0)) && !knownWords.contains(w)) {
        return false;
      }
    }
    return true;
  }

  private void person() {
    String first = first();
    String last = last();
    int r = rnd.nextInt(100);
    if (r < 6) {
      text.append(pick(TITLES)).append(' ');
      entity(PERSON, rnd.nextBoolean() ? last : first + " " + last);
      return;
    }
    String name;
    if (r < 44) {
      name = first + " " + last;
    } else if (r < 56) {
      name = first;
    } else if (r < 64) {
      name = last;
    } else if (r < 72) {
      name = first + " " + middle() + " " + last;
    } else if (r < 80) {
      name = first + " " + initial() + " " + last;
    } else if (r < 84) {
      name = initial() + " " + last;
    } else if (r < 88) {
      name = first + " " + last + "-" + last();
    } else if (r < 92) {
      name = last + " " + first;
    } else if (r < 95) {
      name = (first + " " + last).toUpperCase(Locale.ROOT);
    } else {
      entity(PERSON, first + " " + last);
      text.append(' ').append(pick(SUFFIXES));
      return;
    }
    entity(PERSON, name);
  }

  private String initial() {
    String n = first();
    return n.isEmpty() ? "J." : Character.toUpperCase(n.charAt(0)) + ".";
  }

  private String middle() {
    return rnd.nextBoolean() ? sample("MIDDLE") : first();
  }

  private String first() {
    return rnd.nextInt(100) < 30 ? pickList(src.gazetteer.get("FIRST")) : sample("FIRST");
  }

  private String last() {
    return rnd.nextInt(100) < 30 ? pickList(src.gazetteer.get("LAST")) : sample("LAST");
  }

  private String city() {
    return rnd.nextInt(100) < 40 ? pickList(src.gazetteer.get("CITY")) : sample("CITY");
  }

  private String state() {
    return rnd.nextInt(100) < 20 ? sample("STATE_ABBR") : sample("STATE");
  }

  private String country() {
    int r = rnd.nextInt(100);
    String c = r < 50 ? pickList(src.gazetteer.get("COUNTRY")) : sample("COUNTRY");
    return r >= 97 ? c.toUpperCase(Locale.ROOT) : c;
  }

  private String street() {
    int r = rnd.nextInt(100);
    if (r < 60) {
      return sample("STREET");
    }
    if (r < 85) {
      return sample("STREET_FULL");
    }
    return sample("STREET") + ", " + sample("SECONDARY");
  }

  private String streetName() {
    String s = sample("STREET");
    StringBuilder b = new StringBuilder();
    for (String part : s.split(" ")) {
      if (!part.isEmpty() && !Character.isDigit(part.charAt(0))) {
        b.append(b.isEmpty() ? "" : " ").append(part);
      }
    }
    return b.isEmpty() ? s : b.toString();
  }

  /**
   * A postal address in one of several national layouts. The street part (number, street,
   * unit) is one span; city and region (each with an adjacent postcode) and country are spans
   * of their own, so commas and line breaks between them stay outside.
   */
  private void address() {
    String locale = locale();
    String street = sampleIn("STREET", locale);
    String city = rnd.nextInt(3) == 0 ? city() : sampleIn("CITY", locale);
    String zip = sampleIn("ZIP", locale);
    String sep = rnd.nextInt(4) == 0 ? "\n" : ", ";
    switch (rnd.nextInt(10)) {
      case 0 -> parts(street, sep, city, ", ", sampleIn("STATE_ABBR", locale) + " " + zip);
      case 1 -> parts(street, "\n", city, ", ", sampleIn("STATE", locale) + " " + zip, "\n",
          country());
      case 2 -> parts(street, sep, zip + " " + city);
      case 3 -> parts(street, sep, city);
      case 4 -> parts(street, sep, zip + " " + city, sep, country());
      case 5 -> parts(sampleIn("STREET_FULL", locale), sep, city + " " + zip);
      case 6 -> parts(street + ", " + sampleIn("SECONDARY", locale), sep, city, sep, country());
      case 7 -> parts(street, "\n", zip + " " + city.toUpperCase(Locale.ROOT), "\n", country());
      case 8 -> parts(street, " ", city + " " + zip);
      default -> parts(street, sep, city, sep, country());
    }
  }

  /** Appends alternating location spans and separators. */
  private void parts(String... values) {
    for (int k = 0; k < values.length; k++) {
      if (k % 2 == 0) {
        entity(LOCATION, values[k]);
      } else {
        text.append(values[k]);
      }
    }
  }

  private String org() {
    int r = rnd.nextInt(100);
    if (r < 50) {
      return sample("COMPANY");
    }
    if (r < 80) {
      String name = pick(ORG_STEMS) + pick(ORG_TAILS);
      return rnd.nextInt(3) == 0 ? name + " " + pick(ORG_SUFFIXES) : name;
    }
    if (r < 90) {
      return last() + " " + pick(ORG_SUFFIXES);
    }
    return capitalize(pickList(capWords)) + " " + pick(ORG_SUFFIXES);
  }

  private String nrp() {
    String v = pickList(src.gazetteer.get("NRP"));
    return rnd.nextInt(10) == 0 ? v.toLowerCase(Locale.ROOT) : v;
  }

  private String negative(String name) {
    return switch (name) {
      case "PRODUCT" -> sample("PRODUCT");
      case "JOB" -> sample("JOB");
      case "DEPT" -> sample("DEPARTMENT");
      case "VEHICLE" -> sample("VEHICLE");
      case "SONG" -> sample("SONG");
      case "BOOK" -> sample("BOOK");
      case "DISH" -> sample("DISH");
      case "ANIMAL" -> sample("ANIMAL");
      case "BRAND" -> pickList(src.gazetteer.get("BRAND"));
      case "MONTH" -> rnd.nextInt(5) == 0 ? pickList(src.gazetteer.get("MONTH_DAY")) : pick(MONTHS);
      case "WEEKDAY" -> pick(WEEKDAYS);
      case "HOLIDAY" -> pick(HOLIDAYS);
      case "SEASON" -> pick(SEASONS);
      case "NUM" -> Integer.toString(rnd.nextInt(rnd.nextBoolean() ? 100 : 100_000));
      case "ZIP" -> sample("ZIP");
      case "DATE" -> date();
      case "TIME" -> (1 + rnd.nextInt(12)) + (rnd.nextBoolean() ? ":30" : " pm");
      case "EMAIL" -> email();
      case "URL" -> (rnd.nextBoolean() ? "https://www." : "www.") + capitalize(pickList(capWords))
          + capitalize(pickList(capWords)) + ".com/" + pickList(capWords);
      case "PHONE" -> "+1 " + (200 + rnd.nextInt(800)) + "-555-" + (1000 + rnd.nextInt(9000));
      case "CARD" -> "4111 1111 1111 " + (1000 + rnd.nextInt(9000));
      case "CAPWORD" -> capitalize(pickList(capWords));
      case "WORD" -> pickList(capWords);
      case "TYPO" -> typo(pickList(capWords));
      case "CAPTYPO" -> capitalize(typo(pickList(capWords)));
      case "UPWORD" -> pickList(capWords).toUpperCase(Locale.ROOT);
      case "IP" -> rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "."
          + rnd.nextInt(256);
      case "IBAN" -> "GB" + (10 + rnd.nextInt(90)) + " NWBK " + (100000 + rnd.nextInt(900000))
          + " " + (10000000 + rnd.nextInt(90000000));
      case "HASHTAG" -> "#" + pickList(capWords) + (rnd.nextBoolean() ? capitalize(pickList(capWords)) : "");
      default -> throw new IllegalArgumentException("unknown template slot {" + name + "}");
    };
  }

  /** A misspelling: one letter dropped, doubled or swapped, as in real chat text. */
  private String typo(String w) {
    if (w.length() < 4) {
      return w;
    }
    int k = 1 + rnd.nextInt(w.length() - 2);
    return switch (rnd.nextInt(3)) {
      case 0 -> w.substring(0, k) + w.substring(k + 1);
      case 1 -> w.substring(0, k) + w.charAt(k) + w.substring(k);
      default -> w.substring(0, k) + w.charAt(k + 1) + w.charAt(k) + w.substring(k + 2);
    };
  }

  private String date() {
    return switch (rnd.nextInt(4)) {
      case 0 -> pick(MONTHS) + " " + (1 + rnd.nextInt(28)) + ", " + (1950 + rnd.nextInt(75));
      case 1 -> (1 + rnd.nextInt(28)) + "/" + (1 + rnd.nextInt(12)) + "/" + (1950 + rnd.nextInt(75));
      case 2 -> (1950 + rnd.nextInt(75)) + "-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10);
      default -> (1 + rnd.nextInt(28)) + " " + pick(MONTHS) + " " + (1950 + rnd.nextInt(75));
    };
  }

  private String email() {
    String first = sample("FIRST");
    String last = sample("LAST");
    String user = (rnd.nextBoolean() ? first + last : (first + "." + last).toLowerCase(Locale.ROOT))
        .replaceAll("[^A-Za-z.]", "");
    return (user.length() < 3 ? "info" : user) + "@" + pick(DOMAINS);
  }

  private static String capitalize(String w) {
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private String locale() {
    return rnd.nextInt(100) < 35 ? ENGLISH.get(rnd.nextInt(ENGLISH.size()))
        : locales.get(rnd.nextInt(locales.size()));
  }

  private String sample(String kind) {
    return sampleIn(kind, locale());
  }

  private String sampleIn(String kind, String locale) {
    Map<String, List<String>> byLocale = src.samples.get(kind);
    List<String> values = byLocale.get(locale);
    if (values == null || values.isEmpty()) {
      values = byLocale.containsKey("en") ? byLocale.get("en") : byLocale.values().iterator().next();
    }
    return pickList(values);
  }

  private String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private String pickList(List<String> values) {
    return values.get(rnd.nextInt(values.size()));
  }
}
