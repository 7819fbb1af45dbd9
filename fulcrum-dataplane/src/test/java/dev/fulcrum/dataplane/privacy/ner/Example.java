package dev.fulcrum.dataplane.privacy.ner;

import java.util.List;

/**
 * A training or evaluation sentence with its gold entity spans.
 *
 * @param text the sentence
 * @param spans gold entities, as character spans with a {@link Labels#TYPES} index
 */
record Example(String text, List<Span> spans) {
  Example {
    spans = List.copyOf(spans);
  }

  /** A gold entity. */
  record Span(int type, int start, int end) {}

  /** Gold BIO tags of the tokens of a segment of this example's text. */
  int[] tags(TokenSeq seq) {
    int[] tags = new int[seq.size()];
    for (Span span : spans) {
      boolean first = true;
      for (int i = 0; i < seq.size(); i++) {
        if (seq.start[i] >= span.start() && seq.end[i] <= span.end()) {
          tags[i] = first ? Labels.begin(span.type()) : Labels.inside(span.type());
          first = false;
        }
      }
    }
    return tags;
  }
}
