package dev.fulcrum.bench.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders evaluation results as Markdown tables. */
final class Report {
  private Report() {}

  static String markdown(Map<String, PiiEval.Results> systems, int synthTexts, int wnutTexts,
      String settings) {
    StringBuilder md = new StringBuilder();
    md.append("### synth_dev.json (").append(synthTexts).append(" texts), token level\n\n");
    table(md, systems, true, true, Datasets.LABELS);
    md.append("\n### synth_dev.json, span level (IoU >= ").append(Scores.MIN_IOU)
        .append(")\n\n");
    table(md, systems, true, false, Datasets.LABELS);
    md.append("\n### wnut17_dev.conll (").append(wnutTexts)
        .append(" texts), token level, person and location only\n\n");
    table(md, systems, false, true, List.of("PERSON", "LOCATION"));
    md.append("\nSpans predicted on wnut17_dev (which labels only people, places and "
        + "organisations, so pattern findings there are unlabelled):\n\n");
    for (Map.Entry<String, PiiEval.Results> s : systems.entrySet()) {
      md.append("- ").append(s.getKey()).append(": ")
          .append(new java.util.TreeMap<>(s.getValue().wnut().predictedSpans)).append('\n');
    }
    PiiEval.Results fulcrum = systems.get("Fulcrum");
    md.append("\nFulcrum settings: ").append(settings).append("; mean scan time ")
        .append(String.format(Locale.ROOT, "%.3f", fulcrum.millisPerText()))
        .append(" ms per synth text (single pass, cold JIT, indicative only).\n");
    return md.toString();
  }

  private static void table(StringBuilder md, Map<String, PiiEval.Results> systems,
      boolean synth, boolean tokens, List<String> labels) {
    String f = tokens ? "F1" : "F2";
    md.append("| entity | support |");
    systems.keySet().forEach(name -> md.append(' ').append(name).append(" P | R | ").append(f)
        .append(" |"));
    md.append("\n|---|---:|");
    systems.keySet().forEach(name -> md.append("---:|---:|---:|"));
    md.append('\n');
    for (String label : labels) {
      row(md, systems, synth, tokens, label, List.of(label));
    }
    if (labels.size() > 2) {
      row(md, systems, synth, tokens, "**pattern types**", Datasets.PATTERN_LABELS);
      row(md, systems, synth, tokens, "**all types**", labels);
    }
  }

  private static void row(StringBuilder md, Map<String, PiiEval.Results> systems, boolean synth,
      boolean tokens, String name, List<String> labels) {
    Scores.Counts first = null;
    StringBuilder cells = new StringBuilder();
    for (PiiEval.Results r : systems.values()) {
      Scores s = synth ? r.synth() : r.wnut();
      Scores.Counts c = Scores.total(tokens ? s.tokens : s.spans, labels);
      first = first == null ? c : first;
      cells.append(' ').append(fmt(c.precision())).append(" | ").append(fmt(c.recall()))
          .append(" | ").append(fmt(c.f(tokens ? 1 : 2))).append(" |");
    }
    md.append("| ").append(name).append(" | ").append(first.support()).append(" |")
        .append(cells).append('\n');
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }
}
