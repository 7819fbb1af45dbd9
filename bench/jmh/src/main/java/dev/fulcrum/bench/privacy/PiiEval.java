package dev.fulcrum.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.ner.NerRecognizer;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers.PhoneLeniency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Detection quality on the shared PII data: Fulcrum's detector side by side with other systems'
 * predictions. Not a test: run it with {@code bench/pii-eval/run.sh}.
 *
 * <pre>
 * PiiEval export TEXTS.json                      the texts, for other systems to scan
 * PiiEval report [--compare NAME=PREDS.json]... [--out FILE.md]
 *                [--phone-leniency VALID] [--phone-regions US,GB,...]
 * </pre>
 *
 * <p>Data comes from {@code $FULCRUM_SHARED/data/pii} (default {@code ../shared} from the working
 * directory, which run.sh sets to the repository root).
 */
public final class PiiEval {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How other systems' labels map to evaluation labels; unmapped labels are dropped. */
  static final Map<String, String> REDACT_PII_LABELS = Map.of(
      "CREDIT_CARD_NUMBER", "CREDIT_CARD", "STREET_ADDRESS", "LOCATION",
      "PHONE_NUMBER", "PHONE_NUMBER", "IP_ADDRESS", "IP_ADDRESS",
      "US_SOCIAL_SECURITY_NUMBER", "US_SSN", "EMAIL_ADDRESS", "EMAIL_ADDRESS", "URL", "URL",
      "PERSON_NAME", "PERSON", "PASSWORD", "SECRET", "CREDENTIALS", "SECRET");

  private PiiEval() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      usage();
      return;
    }
    Path data = Path.of(System.getenv().getOrDefault("FULCRUM_SHARED", "../shared"))
        .resolve("data/pii");
    List<Sample> synth = Datasets.synth(data.resolve("synth_dev.json"));
    List<Sample> wnut = Datasets.wnut(data.resolve("wnut17_dev.conll"));
    switch (args[0]) {
      case "export" -> export(Path.of(args[1]), synth, wnut);
      case "report" -> report(Arrays.asList(args).subList(1, args.length), synth, wnut);
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: PiiEval export TEXTS.json | PiiEval report [--compare "
        + "NAME=PREDS.json]... [--out FILE.md] [--phone-leniency L] [--phone-regions A,B]");
  }

  private static void export(Path out, List<Sample> synth, List<Sample> wnut)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode s = root.putArray("synth");
    synth.forEach(x -> s.add(x.text()));
    ArrayNode w = root.putArray("wnut");
    wnut.forEach(x -> w.add(x.text()));
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writeValue(out.toFile(), root);
  }

  private static void report(List<String> args, List<Sample> synth, List<Sample> wnut)
      throws IOException {
    Map<String, Path> compare = new LinkedHashMap<>();
    Path out = null;
    PhoneLeniency leniency = PhoneLeniency.VALID;
    List<String> regions = PatternRecognizers.DEFAULT_PHONE_REGIONS;
    for (int i = 0; i < args.size(); i += 2) {
      String value = args.get(i + 1);
      switch (args.get(i)) {
        case "--compare" -> compare.put(value.substring(0, value.indexOf('=')),
            Path.of(value.substring(value.indexOf('=') + 1)));
        case "--out" -> out = Path.of(value);
        case "--phone-leniency" -> leniency = PhoneLeniency.valueOf(value);
        case "--phone-regions" -> regions = List.of(value.split(","));
        default -> throw new IllegalArgumentException("unknown option " + args.get(i));
      }
    }
    PiiDetector detector = detector(leniency, regions);
    Map<String, Results> systems = new LinkedHashMap<>();
    systems.put("Fulcrum", new Results(
        evaluate(synth, detector::analyze), evaluate(wnut, detector::analyze),
        timeMillis(synth, detector)));
    for (Map.Entry<String, Path> other : compare.entrySet()) {
      JsonNode preds = JSON.readTree(other.getValue().toFile());
      systems.put(other.getKey(), new Results(replay(synth, preds.path("synth")),
          replay(wnut, preds.path("wnut")), Double.NaN));
    }
    String markdown = Report.markdown(systems, synth.size(), wnut.size(),
        "phone leniency " + leniency + ", regions " + String.join(",", regions));
    if (out != null) {
      Files.writeString(out, markdown);
    }
    System.out.print(markdown);
  }

  /**
   * The detector under evaluation, as the gateway runs it by default: every pattern recognizer
   * and the name-and-location model, default thresholds.
   */
  static PiiDetector detector(PhoneLeniency leniency, List<String> regions) {
    List<dev.fulcrum.dataplane.privacy.Recognizer> recognizers =
        new ArrayList<>(PatternRecognizers.all());
    recognizers.replaceAll(r -> r.getClass().getSimpleName().equals("PhoneRecognizer")
        ? PatternRecognizers.phone(regions, leniency) : r);
    recognizers.add(NerRecognizer.load());
    return PiiDetector.builder().recognizers(recognizers).build();
  }

  /** Scores any detector given as a function from text to entities. */
  static Scores evaluate(List<Sample> samples, Function<String, List<Entity>> detector) {
    Scores scores = new Scores();
    for (Sample sample : samples) {
      List<Span> predicted = new ArrayList<>();
      for (Entity e : detector.apply(sample.text())) {
        String label = Datasets.label(e.type() == dev.fulcrum.core.privacy.EntityType.DOMAIN_NAME
            ? "URL" : e.type().name());
        if (label != null) {
          predicted.add(new Span(label, e.start(), e.end()));
        }
      }
      scores.add(sample, predicted);
    }
    return scores;
  }

  private static Scores replay(List<Sample> samples, JsonNode predictions) {
    if (predictions.size() != samples.size()) {
      throw new IllegalArgumentException("predictions cover " + predictions.size()
          + " texts, the data set has " + samples.size());
    }
    Scores scores = new Scores();
    for (int i = 0; i < samples.size(); i++) {
      List<Span> predicted = new ArrayList<>();
      for (JsonNode p : predictions.get(i)) {
        String label = REDACT_PII_LABELS.get(p.path("type").asText());
        if (label != null) {
          predicted.add(new Span(label, p.path("start").asInt(), p.path("end").asInt()));
        }
      }
      scores.add(samples.get(i), predicted);
    }
    return scores;
  }

  /** Mean wall time of one scan over the synth texts, after one warm-up pass (indicative). */
  private static double timeMillis(List<Sample> samples, PiiDetector detector) {
    long start = System.nanoTime();
    for (Sample s : samples) {
      detector.analyze(s.text());
    }
    return (System.nanoTime() - start) / 1e6 / samples.size();
  }

  /** One system's scores on both data sets. */
  record Results(Scores synth, Scores wnut, double millisPerText) {}
}
