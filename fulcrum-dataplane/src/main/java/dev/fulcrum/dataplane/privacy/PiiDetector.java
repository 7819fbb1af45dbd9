package dev.fulcrum.dataplane.privacy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.internal.NormalizedText;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal and secret data in text: the privacy scan the gateway runs on every message.
 *
 * <p>How a scan works: the text is cut into windows of {@value #WINDOW} chars that overlap by
 * {@value #OVERLAP} (one window for ordinary prompts); each window is {@link NormalizedText
 * normalized} (NFKC, invisible characters removed) so obfuscated values are still found; every
 * recognizer runs over the normalized window; findings are mapped back to offsets in the
 * original text, filtered by {@link Builder#minScore minimum score} and {@link
 * Builder#enabledTypes enabled types}, and overlaps are resolved: validated findings (formats,
 * checksums) first, then the model's people, places, organizations and groups, cut back to
 * where they do not overlap a validated finding. Within each tier the higher score wins, then
 * the longer span, then a fixed type priority (SECRET, CREDIT_CARD, IBAN_CODE, US_SSN,
 * EMAIL_ADDRESS, PHONE_NUMBER, IP_ADDRESS, URL, PERSON, LOCATION, ORGANIZATION, NRP, DATE_TIME,
 * DOMAIN_NAME), then the earlier start.
 *
 * <p>Never throws because of what the text contains (lone surrogates, NULs, control characters,
 * binary junk, megabytes). It throws {@link PrivacyScanException} only when a deadline passes or
 * a recognizer fails, so the caller can fail closed. The deadline is checked before every
 * recognizer on every window and once more at the end (a scan that finishes late fails too, so
 * a slow last recognizer cannot stretch the budget), against the injected {@link InstantSource}.
 *
 * <p>Immutable and thread-safe when its recognizers are.
 */
public final class PiiDetector {
  static final int WINDOW = 65_536;
  static final int OVERLAP = 8_192;

  private final List<Recognizer> recognizers;
  private final double minScore;
  private final Set<EntityType> enabled;
  private final InstantSource clock;

  private PiiDetector(Builder builder) {
    this.recognizers = List.copyOf(builder.recognizers);
    this.minScore = builder.minScore;
    this.enabled = Set.copyOf(builder.enabled);
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Scans without a time budget. */
  public List<Entity> analyze(CharSequence text) {
    return analyze(text, Instant.MAX);
  }

  /**
   * Scans with a budget measured from now, by the injected clock.
   *
   * @throws PrivacyScanException when the budget runs out or a recognizer fails
   */
  public List<Entity> analyze(CharSequence text, Duration budget) {
    Instant now = clock.instant();
    Instant deadline = budget.compareTo(Duration.between(now, Instant.MAX)) >= 0
        ? Instant.MAX : now.plus(budget);
    return analyze(text, deadline);
  }

  /**
   * Scans {@code text}; offsets in the result index into {@code text} itself.
   *
   * @return non-overlapping entities sorted by start, each scored at least the minimum score
   * @throws PrivacyScanException when the injected clock passes {@code deadline} before the scan
   *     ends, or a recognizer fails
   */
  public List<Entity> analyze(CharSequence text, Instant deadline) {
    Objects.requireNonNull(text, "text");
    Deadline due = Deadline.at(Objects.requireNonNull(deadline, "deadline"));
    List<Entity> candidates = new ArrayList<>();
    List<Entity> found = new ArrayList<>();
    int length = text.length();
    int core = 0;
    do { // at least once, so an empty text still meets the deadline check
      int end = (int) Math.min((long) core + WINDOW + OVERLAP, length);
      int coreEnd = Math.min(core + WINDOW, length);
      NormalizedText window = NormalizedText.of(text, core, end);
      for (Recognizer recognizer : recognizers) {
        checkDeadline(due, core, length);
        found.clear();
        run(recognizer, window.text(), found);
        keep(found, window, core, coreEnd, candidates);
      }
      core += WINDOW;
    } while (core < length);
    // a scan that ends late is as untrusted as one cut off
    checkDeadline(due, length, length);
    return Overlaps.resolve(text, candidates);
  }

  private void checkDeadline(Deadline due, int scannedChars, int totalChars) {
    if (due.passed(clock)) {
      throw PrivacyScanException.deadlineExceeded(scannedChars, totalChars);
    }
  }

  /**
   * A deadline and its epoch millisecond. The scan checks many times per request: the clock's
   * millis() is far cheaper than instant(), and a millisecond before the deadline's own is
   * certainly before the deadline, so only within that last millisecond does the exact
   * comparison run.
   */
  private record Deadline(Instant at, long millis) {
    static Deadline at(Instant at) {
      long seconds = at.getEpochSecond();
      long millis = seconds >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
          : seconds <= Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : at.toEpochMilli();
      return new Deadline(at, millis);
    }

    boolean passed(InstantSource clock) {
      return clock.millis() >= millis && clock.instant().isAfter(at);
    }
  }

  private static void run(Recognizer recognizer, String text, List<Entity> out) {
    try {
      recognizer.find(text, out);
    } catch (RuntimeException | StackOverflowError e) {
      throw PrivacyScanException.recognizerFailed(recognizer, e);
    }
  }

  /** Maps a window's findings to the original and keeps those starting in the window's core. */
  private void keep(List<Entity> found, NormalizedText window, int core, int coreEnd,
      List<Entity> out) {
    for (Entity e : found) {
      if (e == null || e.end() > window.length() || e.score() < minScore
          || !enabled.contains(e.type())) {
        continue; // out-of-range findings from a faulty recognizer are ignored, not trusted
      }
      int start = window.originalStart(e.start());
      if (start >= core && start < coreEnd) {
        out.add(new Entity(e.type(), start, window.originalEnd(e.end()), e.score()));
      }
    }
  }

  @Override
  public String toString() {
    return "PiiDetector[recognizers=" + recognizers.size() + ", minScore=" + minScore
        + ", enabled=" + enabled.size() + " types]";
  }

  /** Collects recognizers and filters; every setting has a default written below. */
  public static final class Builder {
    private final List<Recognizer> recognizers = new ArrayList<>();
    private double minScore = 0.5;
    private Set<EntityType> enabled = EnumSet.allOf(EntityType.class);
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /** Adds a recognizer; they run in the order added. None by default. */
    public Builder recognizer(Recognizer recognizer) {
      recognizers.add(Objects.requireNonNull(recognizer, "recognizer"));
      return this;
    }

    /** Adds several recognizers, such as {@code PatternRecognizers.all()}. */
    public Builder recognizers(Collection<? extends Recognizer> more) {
      more.forEach(this::recognizer);
      return this;
    }

    /** Findings scored below this are dropped; default 0.5. */
    public Builder minScore(double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("minScore must be within [0, 1], got " + value);
      }
      this.minScore = value;
      return this;
    }

    /** Only findings of these types are reported; default all types. */
    public Builder enabledTypes(Set<EntityType> types) {
      this.enabled = EnumSet.noneOf(EntityType.class);
      this.enabled.addAll(types);
      return this;
    }

    /** The clock deadlines are measured against; default the system clock. */
    public Builder clock(InstantSource value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public PiiDetector build() {
      return new PiiDetector(this);
    }
  }
}
