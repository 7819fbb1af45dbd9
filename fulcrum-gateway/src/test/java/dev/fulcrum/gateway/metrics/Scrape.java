package dev.fulcrum.gateway.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A parsed Prometheus text exposition, for assertions on series and values. */
public final class Scrape {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples;

  private Scrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
    return new Scrape(text, List.copyOf(samples));
  }

  public String text() {
    return text;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The samples named {@code name} whose labels include every pair in {@code labels}. */
  public List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name)
        && s.labels().entrySet().containsAll(labels.entrySet())).toList();
  }

  /** The sum over {@link #find}; empty when no series matches. */
  public OptionalDouble sum(String name, String... labelPairs) {
    List<Sample> found = find(name, pairs(labelPairs));
    return found.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(found.stream().mapToDouble(Sample::value).sum());
  }

  /** Every label name used by any sample. */
  public List<String> labelNames() {
    return samples.stream().flatMap(s -> s.labels().keySet().stream()).distinct().toList();
  }

  private static Map<String, String> pairs(String... labelPairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      map.put(labelPairs[i], labelPairs[i + 1]);
    }
    return map;
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.lastIndexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    if (brace < 0 || brace > space) {
      name = line.substring(0, line.indexOf(' '));
    } else {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int equals = line.indexOf('=', i);
        String key = line.substring(i, equals);
        StringBuilder value = new StringBuilder();
        int j = equals + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            c = line.charAt(++j);
            value.append(c == 'n' ? '\n' : c);
          } else {
            value.append(c);
          }
        }
        labels.put(key, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
    }
    return new Sample(name, labels, Double.parseDouble(line.substring(space + 1)));
  }
}
