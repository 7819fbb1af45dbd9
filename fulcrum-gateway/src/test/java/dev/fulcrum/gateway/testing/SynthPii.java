package dev.fulcrum.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Presidio's synthetic PII sentences ({@code data/pii/synth_dev.json} of the shared data): each
 * text with its labelled spans. See that directory's README for provenance and licence.
 */
public final class SynthPii {
  private SynthPii() {}

  /** One labelled value: its synth type (PERSON, STREET_ADDRESS, GPE, …) and its text. */
  public record Span(String type, String value) {}

  /**
   * One sentence.
   *
   * @param text the sentence
   * @param masked the sentence with every span replaced by {@code {{TYPE}}}
   */
  public record Sample(String text, String masked, List<Span> spans) {
    public Sample {
      spans = List.copyOf(spans);
    }
  }

  /** All samples, in file order; fails (CI) or skips the test when the data is absent. */
  public static List<Sample> load() {
    Path file = SharedData.require("data/pii/synth_dev.json");
    JsonNode array;
    try {
      array = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Sample> samples = new ArrayList<>(array.size());
    for (JsonNode record : array) {
      List<Span> spans = new ArrayList<>();
      for (JsonNode span : record.path("spans")) {
        spans.add(new Span(span.path("entity_type").asText(), span.path("entity_value").asText()));
      }
      samples.add(new Sample(record.path("full_text").asText(), record.path("masked").asText(),
          spans));
    }
    return samples;
  }
}
