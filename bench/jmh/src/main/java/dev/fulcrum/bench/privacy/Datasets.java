package dev.fulcrum.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the shared PII data sets (never copied into the repository) and maps their labels to
 * evaluation labels the way Presidio's evaluation does: STREET_ADDRESS and GPE are LOCATION,
 * DOMAIN_NAME (which holds URLs in synth_dev) is URL; labels no Fulcrum recognizer produces
 * (TITLE, AGE, ZIP_CODE, US_DRIVER_LICENSE) are dropped, so they count as outside any entity.
 */
final class Datasets {
  static final List<String> LABELS = List.of("PERSON", "LOCATION", "ORGANIZATION", "NRP",
      "DATE_TIME", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN",
      "IP_ADDRESS", "URL", "SECRET");
  static final List<String> PATTERN_LABELS = List.of("EMAIL_ADDRESS", "PHONE_NUMBER",
      "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "URL");
  private static final Map<String, String> GOLD_MAPPING = Map.of("STREET_ADDRESS", "LOCATION",
      "GPE", "LOCATION", "DOMAIN_NAME", "URL");

  private Datasets() {}

  /** Maps a label to the evaluation label, or null when the label is not evaluated. */
  static String label(String type) {
    String mapped = GOLD_MAPPING.getOrDefault(type, type);
    return LABELS.contains(mapped) ? mapped : null;
  }

  static List<Sample> synth(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<Sample> samples = new ArrayList<>(root.size());
    for (JsonNode record : root) {
      List<Span> gold = new ArrayList<>();
      for (JsonNode span : record.path("spans")) {
        String type = label(span.path("entity_type").asText());
        if (type != null) {
          gold.add(new Span(type, span.path("start_position").asInt(),
              span.path("end_position").asInt()));
        }
      }
      samples.add(new Sample(record.path("full_text").asText(), gold));
    }
    return samples;
  }

  /**
   * WNUT 2017: sentences are rebuilt by joining tokens with one space (HTML entities decoded);
   * {@code person} is PERSON, {@code location} is LOCATION, the other classes are outside.
   */
  static List<Sample> wnut(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Span> gold = new ArrayList<>();
    String open = null;
    int openStart = 0;
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        if (open != null) {
          gold.add(new Span(open, openStart, text.length()));
          open = null;
        }
        if (!text.isEmpty()) {
          samples.add(new Sample(text.toString(), gold));
        }
        text.setLength(0);
        gold = new ArrayList<>();
        continue;
      }
      String[] cols = line.split("\t");
      String token = unescape(cols[0]);
      String tag = cols.length > 1 ? cols[1].strip() : "O";
      String type = tag.endsWith("person") ? "PERSON" : tag.endsWith("location") ? "LOCATION"
          : null;
      if (open != null && (type == null || tag.startsWith("B-") || !type.equals(open))) {
        gold.add(new Span(open, openStart, text.length()));
        open = null;
      }
      if (!text.isEmpty()) {
        text.append(' ');
      }
      if (type != null && open == null) {
        open = type;
        openStart = text.length();
      }
      text.append(token);
    }
    if (open != null) {
      gold.add(new Span(open, openStart, text.length()));
    }
    if (!text.isEmpty()) {
      samples.add(new Sample(text.toString(), gold));
    }
    return samples;
  }

  static String unescape(String token) {
    return token.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }
}
