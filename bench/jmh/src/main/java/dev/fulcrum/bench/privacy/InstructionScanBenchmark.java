package dev.fulcrum.bench.privacy;

import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.Recognizer;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.guard.PrivacySettings;
import dev.fulcrum.dataplane.privacy.guard.Scan;
import dev.fulcrum.dataplane.privacy.ner.NerRecognizer;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import dev.fulcrum.dataplane.privacy.sanitize.Action;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The privacy scan of a chat request as the gateway runs it ({@code PrivacyGuard.scan}, every
 * pattern recognizer and the name model): a system prompt of {@code size} chars (the prose of
 * {@link PiiScanBenchmark}) and a short user message. {@code repeatedSystemPrompt} true sends
 * the same system prompt every time, as applications do (its scan is kept after the first);
 * false makes each one new (its first six letters count up), so it is scanned every time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InstructionScanBenchmark {
  private static final Tenant TENANT = new Tenant("acme");

  @Param({"1024", "4096"})
  public int size;

  @Param({"true", "false"})
  public boolean repeatedSystemPrompt;

  private PrivacyGuard guard;
  private char[] systemPrompt;
  private int counter;

  @Setup
  public void setUp() {
    List<Recognizer> recognizers = new ArrayList<>(PatternRecognizers.all());
    recognizers.add(NerRecognizer.load());
    guard = new PrivacyGuard(PiiDetector.builder().recognizers(recognizers).build(),
        new PrivacySettings(SanitizationPolicy.of(Action.PSEUDONYMIZE), Duration.ofSeconds(10),
            1 << 20), tenant -> HashKey.of(new byte[32]), Runnable::run,
        InstantSource.system());
    systemPrompt = PiiScanBenchmark.prompt(size).toCharArray();
  }

  @Benchmark
  public Scan scan() {
    if (!repeatedSystemPrompt) {
      // a new text (its first six letters count up), with the same findings
      int n = counter++;
      for (int i = 0; i < 6; i++, n /= 26) {
        systemPrompt[i] = (char) ('a' + n % 26);
      }
    }
    ChatRequest request = ChatRequest.of("chat", List.of(
        ChatMessage.of("system", new String(systemPrompt)),
        ChatMessage.of("user", "Summarise the open items, please.")));
    return guard.scan(request, TENANT).toCompletableFuture().join();
  }
}
