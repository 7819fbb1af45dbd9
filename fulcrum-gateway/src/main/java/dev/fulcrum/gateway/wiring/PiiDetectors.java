package dev.fulcrum.gateway.wiring;

import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.Recognizer;
import dev.fulcrum.dataplane.privacy.ner.NerRecognizer;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import dev.fulcrum.gateway.config.PrivacyConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The PII detector a privacy section describes, built in this one place so that the gateway's
 * scan and {@code fulcrum pii scan} find exactly the same entities.
 */
public final class PiiDetectors {
  private PiiDetectors() {}

  /**
   * The pattern recognizers and, unless {@code privacy.names} is off, the name-and-location
   * model; findings below {@code privacy.min-score} are dropped. Loading the model takes about a
   * second: build once and share the detector (it is thread-safe).
   *
   * @param clock what scan deadlines are measured against
   * @throws java.io.UncheckedIOException if the name model cannot be read from the classpath
   */
  public static PiiDetector create(PrivacyConfig privacy, InstantSource clock) {
    List<Recognizer> recognizers = new ArrayList<>(PatternRecognizers.all());
    if (privacy.names()) {
      recognizers.add(NerRecognizer.load());
    }
    return PiiDetector.builder()
        .recognizers(recognizers)
        .minScore(privacy.minScore())
        .clock(clock)
        .build();
  }
}
