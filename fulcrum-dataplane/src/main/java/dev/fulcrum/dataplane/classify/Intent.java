package dev.fulcrum.dataplane.classify;

/**
 * What a prompt asks for, judged by the output the user wants rather than by its topic. The
 * labelling guideline behind the shipped model, with tie-breaking rules, is in
 * {@code tools/classifier/PROVENANCE.md}.
 */
public enum Intent {
  /** Conversation, general questions, explanations, advice and support questions. */
  CHAT,
  /** A condensed account (summary, recap, key points) of given text or of a named work. */
  SUMMARIZE,
  /** Pull specific items or fields out of given text, often into a structure. */
  EXTRACT,
  /** Assign given items to labels or categories (sentiment, spam, routing, risk, topic). */
  CLASSIFY,
  /** Render text from one natural language into another, or explain a foreign expression. */
  TRANSLATE,
  /** Write, fix, explain, review or design software, queries, scripts or systems. */
  CODE,
  /** Calculate, prove, solve puzzles, estimate or work out a quantitative answer. */
  REASONING,
  /** Produce or rewrite prose: messages, posts, copy, essays, stories, speeches, documents. */
  WRITE
}
