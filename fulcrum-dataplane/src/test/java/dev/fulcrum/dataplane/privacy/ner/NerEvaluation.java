package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the shipped model on the shared evaluation sets, which training never reads:
 * presidio-research's synthetic sentences (STREET_ADDRESS and GPE count as LOCATION) and
 * WNUT-17 dev (person and location are PII; group, corporation, product and creative-work are
 * negatives). Token-level P/R/F1 per type, plus a span-level view. Run via
 * {@code tools/ner/eval.sh}; {@code --errors N} prints N wrong sentences per file.
 */
final class NerEvaluation {
  private NerEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/pii");
    int errors = args.length > 2 && args[1].equals("--errors") ? Integer.parseInt(args[2]) : 0;
    long t0 = System.nanoTime();
    NerRecognizer ner = NerRecognizer.load();
    NerTrainer.log("loaded model in %.0f ms", (System.nanoTime() - t0) / 1e6);
    report("synth_dev.json (token level, Presidio mapping)", ner, synth(dir.resolve("synth_dev.json")),
        errors);
    report("wnut17_dev.conll (token level; ORG/NRP predictions ignored)", ner,
        wnut(dir.resolve("wnut17_dev.conll")), errors);
  }

  private static void report(String title, NerRecognizer ner, List<Example> examples, int errors) {
    TokenMetrics m = new TokenMetrics();
    SpanMetrics spans = new SpanMetrics();
    int shown = 0;
    long t0 = System.nanoTime();
    for (Example ex : examples) {
      List<Entity> found = new ArrayList<>();
      ner.find(ex.text(), found);
      if (title.startsWith("wnut")) {
        found.removeIf(e -> e.type() != EntityType.PERSON && e.type() != EntityType.LOCATION);
      }
      m.add(ex, found);
      boolean wrong = spans.add(ex, found);
      if (wrong && shown < errors) {
        shown++;
        System.out.println("  text: " + ex.text().replace('\n', ' '));
        System.out.println("  gold: " + describe(ex.text(), gold(ex)));
        System.out.println("  pred: " + describe(ex.text(), found));
      }
    }
    NerTrainer.log("%s: %d sentences, %.0f ms%n%s%s", title, examples.size(),
        (System.nanoTime() - t0) / 1e6, m.table(), spans.table());
  }

  private static List<Entity> gold(Example ex) {
    List<Entity> g = new ArrayList<>();
    for (Example.Span s : ex.spans()) {
      g.add(Labels.entity(s.type(), s.start(), s.end(), 1));
    }
    return g;
  }

  private static String describe(String text, List<Entity> entities) {
    StringBuilder b = new StringBuilder();
    for (Entity e : entities) {
      b.append(String.format(Locale.ROOT, "[%s %s %.2f] ", e.type(),
          text.substring(e.start(), e.end()).replace('\n', ' '), e.score()));
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Example> synth(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    for (Object o : (List<Object>) MiniJson.parse(Files.readString(file))) {
      Map<String, Object> r = (Map<String, Object>) o;
      List<Example.Span> spans = new ArrayList<>();
      for (Object so : (List<Object>) r.get("spans")) {
        Map<String, Object> s = (Map<String, Object>) so;
        int type = switch ((String) s.get("entity_type")) {
          case "PERSON" -> Labels.typeIndex(EntityType.PERSON);
          case "STREET_ADDRESS", "GPE" -> Labels.typeIndex(EntityType.LOCATION);
          case "ORGANIZATION" -> Labels.typeIndex(EntityType.ORGANIZATION);
          case "NRP" -> Labels.typeIndex(EntityType.NRP);
          default -> -1;
        };
        if (type >= 0) {
          spans.add(new Example.Span(type, ((Number) s.get("start_position")).intValue(),
              ((Number) s.get("end_position")).intValue()));
        }
      }
      out.add(new Example((String) r.get("full_text"), spans));
    }
    return out;
  }

  static List<Example> wnut(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Example.Span> spans = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        if (!text.isEmpty()) {
          out.add(new Example(text.toString(), spans));
        }
        text = new StringBuilder();
        spans = new ArrayList<>();
        continue;
      }
      int tab = line.lastIndexOf('\t');
      String token = line.substring(0, tab);
      String tag = line.substring(tab + 1).trim();
      if (!text.isEmpty()) {
        text.append(' ');
      }
      int start = text.length();
      text.append(token);
      int type = tag.endsWith("person") ? 0 : tag.endsWith("location") ? 1 : -1;
      if (type >= 0) {
        Example.Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (tag.startsWith("I-") && last != null && last.type() == type) {
          spans.set(spans.size() - 1, new Example.Span(type, last.start(), text.length()));
        } else {
          spans.add(new Example.Span(type, start, text.length()));
        }
      }
    }
    if (!text.isEmpty()) {
      out.add(new Example(text.toString(), spans));
    }
    return out;
  }
}
