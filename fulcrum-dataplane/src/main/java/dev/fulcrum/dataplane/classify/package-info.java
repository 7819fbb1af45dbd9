/**
 * Prompt classification for split inference ("the RouteLLM idea"): labels each chat prompt with
 * a {@link dev.fulcrum.dataplane.classify.Complexity} and an
 * {@link dev.fulcrum.dataplane.classify.Intent}, each with a calibrated confidence, so a routing
 * policy can send simple prompts to a cheap or local model and escalate complex or uncertain ones
 * to a large one.
 *
 * <p>The public API is {@link dev.fulcrum.dataplane.classify.PromptClassifier},
 * {@link dev.fulcrum.dataplane.classify.PromptClass} and the factory
 * {@link dev.fulcrum.dataplane.classify.PromptClassifiers}. Everything else is package-private.
 *
 * <p>The classifier is two multinomial logistic-regression heads over the all-MiniLM-L6-v2
 * sentence embedding (run in-process, shipped in a Maven artifact) plus a few lexical features.
 * The weights ship as a classpath resource trained by {@code tools/classifier/train.sh}; nothing
 * is downloaded at run time and no prompt text is logged or kept.
 */
package dev.fulcrum.dataplane.classify;
