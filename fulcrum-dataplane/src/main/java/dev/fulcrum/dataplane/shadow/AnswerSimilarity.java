package dev.fulcrum.dataplane.shadow;

import java.util.concurrent.CompletionStage;

/**
 * How alike two answers are, in [-1, 1] (1 = same meaning); e.g. the cosine of their sentence
 * embeddings from a local model. Must not block the caller.
 */
@FunctionalInterface
public interface AnswerSimilarity {
  CompletionStage<Double> similarity(String first, String second);
}
