/**
 * Split inference: a model alias served by one of several tiers, chosen per prompt by the local
 * {@link dev.fulcrum.dataplane.classify.PromptClassifier}. {@link
 * dev.fulcrum.dataplane.split.SplitPolicy} maps labels to tiers and escalates uncertain prompts;
 * {@link dev.fulcrum.dataplane.split.PromptSplitter} runs the classifier off the event loop,
 * bounded in time, and escalates whenever it cannot answer.
 */
package dev.fulcrum.dataplane.split;
