package dev.fulcrum.bench.privacy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.Recognizer;
import dev.fulcrum.dataplane.privacy.ner.NerRecognizer;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
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
 * Scan time of the privacy detector on realistic prompts: English prose with a few PII values (a
 * name, an e-mail, a phone number, a card, an IP address, a URL) per kilobyte. {@code names}
 * chooses the gateway's default (every pattern recognizer and the name-and-location model) or
 * the pattern recognizers alone. Single-threaded; reports the time of one scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PiiScanBenchmark {
  private static final String PARAGRAPH = "Hi team, following up on yesterday's call with the "
      + "customer. Jane Morrison asked us to update her billing details before the renewal on "
      + "the first of next month. Her new card is 4111 1111 1111 1111 and she would like the "
      + "invoice sent to jane.morrison@example.com instead of the old address. If anything is "
      + "unclear she can be reached on +1 415-555-2671 during business hours. The support "
      + "ticket also mentions repeated login failures from 203.0.113.42, which security "
      + "flagged last week; see https://status.example.com/incidents/4821 for the timeline. "
      + "Please summarise the open items, draft a short reply that confirms the changes, and "
      + "list anything we still need from her before we can close the ticket. Thanks a lot! ";

  @Param({"1024", "16384"})
  public int size;

  @Param({"true", "false"})
  public boolean names;

  private PiiDetector detector;
  private String prompt;

  @Setup
  public void setUp() {
    List<Recognizer> recognizers = new ArrayList<>(PatternRecognizers.all());
    if (names) {
      recognizers.add(NerRecognizer.load());
    }
    detector = PiiDetector.builder().recognizers(recognizers).build();
    prompt = prompt(size);
  }

  /** The paragraph repeated to {@code size} chars. */
  static String prompt(int size) {
    StringBuilder text = new StringBuilder(size);
    while (text.length() < size) {
      text.append(PARAGRAPH);
    }
    return text.substring(0, size);
  }

  @Benchmark
  public List<Entity> scan() {
    return detector.analyze(prompt);
  }
}
