package dev.fulcrum.controlplane.drift;

import java.util.List;
import java.util.Map;

/**
 * The standard drift features of chat traffic, and how one request/response becomes a {@link
 * Sample}. Request side: prompt length (characters), language ({@link LanguageDetector}),
 * entity mix (PII entity counts by type from the privacy scan; {@value #NO_ENTITIES} when there
 * are none), prompt embedding centroid. Response side: response length, finish reason, outcome
 * (ok / refusal / error — the refusal and error rates). The prompt text is read here and not
 * kept.
 */
public final class LlmFeatures {
  public static final String PROMPT_LENGTH = "prompt_length";
  public static final String LANGUAGE = "language";
  public static final String ENTITY_MIX = "entity_mix";
  public static final String PROMPT_EMBEDDING = "prompt_embedding";
  public static final String RESPONSE_LENGTH = "response_length";
  public static final String FINISH_REASON = "finish_reason";
  public static final String OUTCOME = "outcome";
  /** The entity-mix category of a prompt without entities. */
  public static final String NO_ENTITIES = "(none)";

  /** How an exchange ended, for the refusal and error rates. */
  public enum Outcome {
    OK,
    REFUSAL,
    ERROR
  }

  private LlmFeatures() {}

  /** Every feature, including the prompt embedding. */
  public static List<Feature> all() {
    return List.of(new Feature.Numeric(PROMPT_LENGTH), new Feature.Categorical(LANGUAGE),
        new Feature.Categorical(ENTITY_MIX), new Feature.Embedding(PROMPT_EMBEDDING),
        new Feature.Numeric(RESPONSE_LENGTH), new Feature.Categorical(FINISH_REASON),
        new Feature.Categorical(OUTCOME));
  }

  /** Every feature but the embedding, for deployments without an embedding model. */
  public static List<Feature> withoutEmbedding() {
    return all().stream().filter(f -> !(f instanceof Feature.Embedding)).toList();
  }

  /** The features of one exchange, without an embedding. */
  public static Sample sample(CharSequence prompt, Map<String, Integer> entityCounts,
      int responseChars, String finishReason, Outcome outcome) {
    return builder(prompt, entityCounts, responseChars, finishReason, outcome).build();
  }

  /** The features of one exchange, with the prompt's embedding. */
  public static Sample sample(CharSequence prompt, Map<String, Integer> entityCounts,
      float[] promptEmbedding, int responseChars, String finishReason, Outcome outcome) {
    return builder(prompt, entityCounts, responseChars, finishReason, outcome)
        .embedding(PROMPT_EMBEDDING, promptEmbedding).build();
  }

  private static Sample.Builder builder(CharSequence prompt, Map<String, Integer> entityCounts,
      int responseChars, String finishReason, Outcome outcome) {
    Sample.Builder builder = Sample.builder()
        .number(PROMPT_LENGTH, prompt.length())
        .category(LANGUAGE, LanguageDetector.detect(prompt))
        .number(RESPONSE_LENGTH, responseChars)
        .category(FINISH_REASON, finishReason)
        .category(OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT));
    if (entityCounts.values().stream().allMatch(c -> c == 0)) {
      builder.category(ENTITY_MIX, NO_ENTITIES);
    } else {
      entityCounts.forEach((type, count) -> builder.count(ENTITY_MIX, type, count));
    }
    return builder;
  }
}
