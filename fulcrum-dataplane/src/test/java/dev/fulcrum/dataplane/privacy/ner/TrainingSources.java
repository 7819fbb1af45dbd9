package dev.fulcrum.dataplane.privacy.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The committed inputs of training: faker samples per locale and kind, gazetteer lists per
 * class, and the sentence templates. All lists keep file order so generation is deterministic.
 */
final class TrainingSources {
  /** kind -> locale -> values. */
  final Map<String, Map<String, List<String>>> samples = new TreeMap<>();
  /** gazetteer class -> entries. */
  final Map<String, List<String>> gazetteer = new TreeMap<>();
  final List<String> templates = new ArrayList<>();

  static TrainingSources read(Path repo) throws IOException {
    TrainingSources s = new TrainingSources();
    for (String line : gunzipLines(repo.resolve("tools/ner/data/samples.tsv.gz"))) {
      String[] f = line.split("\t", 3);
      if (f.length == 3) {
        s.samples.computeIfAbsent(f[1], k -> new TreeMap<>())
            .computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
      }
    }
    for (String line : gunzipLines(repo.resolve(NerTrainer.RESOURCES + "gazetteer.tsv.gz"))) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        s.gazetteer.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>())
            .add(line.substring(tab + 1));
      }
    }
    for (String line : Files.readAllLines(repo.resolve("tools/ner/templates.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        s.templates.add(line.replace("\\n", "\n"));
      }
    }
    return s;
  }

  static List<String> gunzipLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }
}
