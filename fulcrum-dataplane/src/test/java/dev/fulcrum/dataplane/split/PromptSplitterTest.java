package dev.fulcrum.dataplane.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.dataplane.classify.Complexity;
import dev.fulcrum.dataplane.classify.Intent;
import dev.fulcrum.dataplane.classify.PromptClass;
import dev.fulcrum.dataplane.classify.PromptClassifier;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptSplitterTest {
  private static final SplitPolicy POLICY = new SplitPolicy("small", "large", 0.8, Map.of());
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  @Test
  void labelsThePromptOnTheExecutorAndAppliesThePolicy() throws Exception {
    var splitter = splitter(prompt -> prompt.startsWith("hi")
        ? new PromptClass(Complexity.SIMPLE, 0.97, Intent.CHAT, 0.9)
        : new PromptClass(Complexity.COMPLEX, 0.97, Intent.REASONING, 0.9), Duration.ofSeconds(5));

    assertThat(choose(splitter, "hi there").target()).isEqualTo("small");
    assertThat(choose(splitter, "prove that").target()).isEqualTo("large");
  }

  @Test
  void escalatesWhenTheClassifierFails() throws Exception {
    var splitter = splitter(prompt -> {
      throw new IllegalStateException("model missing");
    }, Duration.ofSeconds(5));

    SplitChoice choice = choose(splitter, "hi");

    assertThat(choice.target()).isEqualTo("large");
    assertThat(choice.reason()).isEqualTo("escalated: classifier failed (IllegalStateException)");
  }

  @Test
  void escalatesWhenTheClassifierIsTooSlow() throws Exception {
    var splitter = splitter(prompt -> {
      await(release);
      return new PromptClass(Complexity.SIMPLE, 1, Intent.CHAT, 1);
    }, Duration.ofMillis(20));

    SplitChoice choice = choose(splitter, "hi");

    assertThat(choice.target()).isEqualTo("large");
    assertThat(choice.reason()).isEqualTo("escalated: classifier timed out");
  }

  @Test
  void escalatesWhenNoWorkerTakesTheWork() throws Exception {
    var splitter = new PromptSplitter(Map.of("auto", POLICY),
        classifier(prompt -> new PromptClass(Complexity.SIMPLE, 1, Intent.CHAT, 1)),
        command -> {
          throw new RejectedExecutionException("queue full");
        });

    assertThat(choose(splitter, "hi").reason()).isEqualTo("escalated: classifier busy");
  }

  @Test
  void knowsItsAliasesOnly() {
    var splitter = splitter(prompt -> null, Duration.ofSeconds(1));

    assertThat(splitter.policy("auto")).map(SplitPolicy::complex).contains("large");
    assertThat(splitter.policy("chat-small")).isEmpty();
  }

  private PromptSplitter splitter(Function<String, PromptClass> labels, Duration timeout) {
    SplitPolicy policy = new SplitPolicy(POLICY.simple(), POLICY.complex(),
        POLICY.minConfidence(), POLICY.byIntent(), timeout);
    return new PromptSplitter(Map.of("auto", policy), classifier(labels), executor);
  }

  private static SplitChoice choose(PromptSplitter splitter, String prompt) throws Exception {
    return splitter.choose("auto", prompt).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static PromptClassifier classifier(Function<String, PromptClass> labels) {
    return new PromptClassifier() {
      @Override
      public PromptClass classify(String prompt) {
        return labels.apply(prompt);
      }

      @Override
      public String modelVersion() {
        return "test";
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
