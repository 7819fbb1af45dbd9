package dev.fulcrum.dataplane.split;

import dev.fulcrum.dataplane.classify.PromptClassifier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves split aliases: classifies the prompt on {@code executor} (the classifier blocks on an
 * in-process model, so never on an event loop) and applies the alias's {@link SplitPolicy}.
 *
 * <p>Never fails: when the classifier throws, the executor refuses the work (a full queue) or no
 * answer arrives within the policy's timeout, the prompt escalates to the policy's large model and the
 * choice says why. Thread-safe.
 */
public final class PromptSplitter {
  private final Map<String, SplitPolicy> policies;
  private final PromptClassifier classifier;
  private final Executor executor;

  /**
   * @param policies split policies by alias
   * @param classifier labels prompts
   * @param executor runs the classifier
   */
  public PromptSplitter(Map<String, SplitPolicy> policies, PromptClassifier classifier,
      Executor executor) {
    this.policies = Map.copyOf(policies);
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Every split alias and its policy. */
  public Map<String, SplitPolicy> policies() {
    return policies;
  }

  /** The policy of {@code alias}, if it is a split alias. */
  public Optional<SplitPolicy> policy(String alias) {
    return Optional.ofNullable(policies.get(alias));
  }

  /**
   * The model that serves {@code prompt} sent to the split alias {@code alias}.
   *
   * @throws IllegalArgumentException when {@code alias} is not a split alias
   */
  public CompletionStage<SplitChoice> choose(String alias, String prompt) {
    SplitPolicy policy = policy(alias).orElseThrow(() -> new IllegalArgumentException(
        "'" + alias + "' is not a split model"));
    CompletableFuture<SplitChoice> labelled;
    try {
      labelled = CompletableFuture.supplyAsync(
          () -> policy.choose(alias, classifier.classify(prompt)), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(policy.escalate(alias, "classifier busy"));
    }
    return labelled.orTimeout(policy.timeout().toNanos(), TimeUnit.NANOSECONDS)
        .exceptionally(error -> policy.escalate(alias, why(error)));
  }

  private static String why(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException
        && error.getCause() != null ? error.getCause() : error;
    return cause instanceof TimeoutException ? "classifier timed out"
        : cause instanceof RejectedExecutionException ? "classifier busy"
        : "classifier failed (" + cause.getClass().getSimpleName() + ")";
  }

  @Override
  public String toString() {
    return "PromptSplitter" + policies.keySet();
  }
}
