package dev.fulcrum.dataplane.classify;

/**
 * How much model a prompt needs. The labelling guideline behind the shipped model is in
 * {@code tools/classifier/PROVENANCE.md}.
 */
public enum Complexity {
  /**
   * A small or local model answers about as well as a large one: greetings, single facts, short
   * explanations, one clear transformation of a short text, a standard snippet of code, one-step
   * arithmetic, a short message.
   */
  SIMPLE,
  /**
   * Worth a large model: multi-step reasoning or proofs, long-form generation, software design,
   * nuanced or high-stakes analysis, many simultaneous constraints or deliverables, synthesis
   * across long or several documents.
   */
  COMPLEX
}
