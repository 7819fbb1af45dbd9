package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.testing.CaptureUpstream;
import dev.fulcrum.gateway.testing.SynthPii;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accounting of the leak test: for each seeded value of each request, whether it reached the
 * upstream and whether the client's answer has it back.
 *
 * <p>A value <em>leaked</em> when it occurs in what the upstream received more often than in the
 * same request with every labelled value masked ({@code {{TYPE}}}), searched both in the raw body
 * and in the body's JSON strings unescaped, and in the request line and headers. Occurrences
 * count only on word boundaries, so {@code 79} inside {@code <PERSON_79>} is no leak of an age
 * "79". A value is <em>partly leaked</em> when it did not reach the upstream whole, but one of
 * its words did, more often than the masked request explains: a detector that found only
 * "Apt. 595" of a longer address. Only words of 3+ letters or digits that the unlabelled text of
 * the data set never uses count ("the corner of … and …" is inside some labelled addresses). A
 * value is <em>restored</em> when the answer
 * holds it as often as the answer to the original request would.
 */
final class LeakLedger {
  /** Counts for one synth type. */
  static final class Tally {
    int seeded;
    int leaked;
    int partlyLeaked;
    int restored;
    /** Each value that leaked whole, once per time it did. */
    final List<String> leakedValues = new ArrayList<>();
    /** Each value that leaked in part, with the words that reached the upstream. */
    final List<String> partlyLeakedValues = new ArrayList<>();
  }

  private final Map<String, Tally> byType = new TreeMap<>();
  private final Function<String, String> fulcrumType;
  private final Set<String> commonWords;
  private int requests;
  private int prompts;
  private int answersExact;

  /**
   * @param fulcrumType the Fulcrum entity type each seeded synth type is reported as
   * @param samples the whole data set, whose unlabelled words are not identifying
   */
  LeakLedger(Function<String, String> fulcrumType, List<SynthPii.Sample> samples) {
    this.fulcrumType = fulcrumType;
    this.commonWords = samples.stream().flatMap(s -> words(s.masked()).stream())
        .map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * Accounts for one request.
   *
   * @param seeded the labelled values of every prompt in the request
   * @param promptCount how many prompts (sentences) the request carried
   * @param received what the upstream received for it
   * @param masked the same request with every labelled value masked
   * @param answer the answer text the client got
   * @param expected the answer the client should get (the echo of the original request)
   */
  void account(List<SynthPii.Span> seeded, int promptCount, CaptureUpstream.Captured received,
      JsonNode masked, String answer, String expected) {
    requests++;
    prompts += promptCount;
    if (answer.equals(expected)) {
      answersExact++;
    }
    String head = headWithoutFramingNumbers(received.head());
    String raw = received.bodyText();
    String strings = strings(received.json());
    String maskedRaw = masked.toString();
    String maskedStrings = strings(masked);
    Map<String, List<SynthPii.Span>> byValue = seeded.stream().collect(Collectors.groupingBy(
        SynthPii.Span::value, LinkedHashMap::new, Collectors.toList()));
    byValue.forEach((value, spans) -> {
      int excess = Math.max(occurrences(value, raw) - occurrences(value, maskedRaw),
          occurrences(value, strings) - occurrences(value, maskedStrings))
          + occurrences(value, head);
      int leaked = Math.min(spans.size(), Math.max(0, excess));
      List<String> partly = leaked > 0 ? List.of() : words(value).stream()
          .filter(word -> !commonWords.contains(word.toLowerCase(Locale.ROOT)))
          .filter(word -> occurrences(word, strings) > occurrences(word, maskedStrings))
          .toList();
      boolean restored = occurrences(value, answer) == occurrences(value, expected);
      for (int i = 0; i < spans.size(); i++) {
        Tally tally = byType.computeIfAbsent(spans.get(i).type(), t -> new Tally());
        tally.seeded++;
        if (i < leaked) {
          tally.leaked++;
          tally.leakedValues.add(value);
        } else {
          if (!partly.isEmpty()) {
            tally.partlyLeaked++;
            tally.partlyLeakedValues.add(value.replace('\n', ' ') + " → " + partly);
          }
          tally.restored += restored ? 1 : 0;
        }
      }
    });
  }

  Map<String, Tally> byType() {
    return byType;
  }

  int requests() {
    return requests;
  }

  int prompts() {
    return prompts;
  }

  int answersExact() {
    return answersExact;
  }

  int total(Function<Tally, Integer> count) {
    return byType.values().stream().mapToInt(count::apply).sum();
  }

  /** A markdown table: one row per synth type, then the totals. */
  String table() {
    StringBuilder out = new StringBuilder(
        "| synth type | reported as | seeded | leaked whole | partly leaked | restored |\n"
            + "|---|---|---:|---:|---:|---:|\n");
    byType.forEach((type, t) -> out.append(String.format(Locale.ROOT,
        "| %s | %s | %d | %d | %d | %d / %d |%n", type, fulcrumType.apply(type), t.seeded,
        t.leaked, t.partlyLeaked, t.restored, t.seeded - t.leaked)));
    out.append(String.format(Locale.ROOT, "| **all** | | %d | %d | %d | %d / %d |%n",
        total(t -> t.seeded), total(t -> t.leaked), total(t -> t.partlyLeaked),
        total(t -> t.restored), total(t -> t.seeded - t.leaked)));
    return out.toString();
  }

  /**
   * How often {@code value} occurs in {@code text}, not counting matches glued to a letter,
   * digit or underscore where the value itself starts or ends with one.
   */
  static int occurrences(String value, String text) {
    int count = 0;
    for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      int end = at + value.length();
      boolean openStart = !word(value.charAt(0)) || at == 0 || !word(text.charAt(at - 1));
      boolean openEnd = !word(value.charAt(value.length() - 1)) || end == text.length()
          || !word(text.charAt(end));
      if (openStart && openEnd) {
        count++;
      }
    }
    return count;
  }

  private static boolean word(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The words of a value worth tracking on their own: 3+ letters or digits. */
  private static List<String> words(String value) {
    List<String> words = new ArrayList<>();
    for (String word : value.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 3) {
        words.add(word);
      }
    }
    return words;
  }

  /** Every field name and string value of a JSON tree, unescaped, NUL-separated. */
  static String strings(JsonNode node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    if (node.isTextual()) {
      out.append(node.asText()).append('\u0000');
    }
    node.properties().forEach(field -> {
      out.append(field.getKey()).append('\u0000');
      collect(field.getValue(), out);
    });
    if (node.isArray()) {
      node.forEach(element -> collect(element, out));
    }
  }

  /**
   * The request line and headers without {@code host} and {@code content-length}, whose numbers
   * (a port, a byte count) come from the environment, not the prompt, and could equal a seeded
   * number by chance; the test checks those two headers hold nothing else.
   */
  private static String headWithoutFramingNumbers(String head) {
    return head.lines()
        .filter(line -> !line.toLowerCase(Locale.ROOT).startsWith("host: ")
            && !line.toLowerCase(Locale.ROOT).startsWith("content-length: "))
        .collect(Collectors.joining("\n"));
  }
}
