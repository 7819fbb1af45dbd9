package dev.fulcrum.bench.ner;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.ner.NerRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time for {@link NerRecognizer#find} to scan a 1 KB chat prompt (names, an address, a city,
 * a company, plenty of ordinary text) and a 1 KB prompt with no entities at all, on one
 * thread. Run: {@code bench/jmh/run.sh Ner -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NerBenchmark {
  /** About 1 KB of a typical support prompt with personal data in it. */
  static final String PROMPT_WITH_PII = fit("""
      Hi, my name is Maria Kowalski and I'm writing on behalf of my father, Jan Kowalski. \
      He lives at 221 Baker Street, London NW1 6XE, United Kingdom, and he ordered a \
      replacement blender from Acme Appliances Ltd. on Monday. The package was supposed to \
      arrive on Thursday but the tracking page says it was delivered to 17 Rue de Rivoli in \
      Paris, which is obviously wrong. Could you please draft a polite complaint email to \
      their support team? Mention that Dr. Smith, his cardiologist, asked him to avoid \
      stress, so a quick resolution matters. Also summarize the warranty terms below in \
      three bullet points and translate the summary into Polish, since my dad is more \
      comfortable reading in his own language. Warranty: the product is covered for two \
      years from the date of purchase against manufacturing defects. The warranty does not \
      cover damage caused by misuse, accidents, or unauthorized repairs. Keep the tone \
      friendly, and sign it as Maria. Thanks a lot for your help with this!""");

  /** About 1 KB of ordinary text with capitalized words but no names or places. */
  static final String PROMPT_WITHOUT_PII = fit("""
      Please review the following Java code and explain why the unit test fails on Monday \
      builds but passes on Friday builds. The test uses a Clock injected through the \
      constructor, and the Scheduler class computes the next run with plusDays. I suspect \
      the problem is related to daylight saving time in March and October, but I'm not \
      sure. Also suggest how to make the test deterministic without sleeping, and whether \
      we should use Instant or LocalDateTime in the public API. Finally, write a short \
      summary for the Release Notes and a checklist for the Code Review meeting. Keep it \
      under two hundred words, use Markdown headings, and avoid jargon where possible. The \
      audience is the Product team, not only engineers, so explain terms like idempotent \
      and eventual consistency in one sentence each. Thank you in advance for the help, \
      this has been bothering the whole Platform team for weeks now.""");

  private NerRecognizer recognizer;

  @Setup
  public void setUp() {
    recognizer = NerRecognizer.load();
  }

  @Benchmark
  public List<Entity> prompt1kWithPii() {
    List<Entity> out = new ArrayList<>();
    recognizer.find(PROMPT_WITH_PII, out);
    return out;
  }

  @Benchmark
  public List<Entity> prompt1kWithoutPii() {
    List<Entity> out = new ArrayList<>();
    recognizer.find(PROMPT_WITHOUT_PII, out);
    return out;
  }

  private static String fit(String s) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < 1024) {
      b.append(' ').append(s);
    }
    return b.substring(0, 1024);
  }
}
