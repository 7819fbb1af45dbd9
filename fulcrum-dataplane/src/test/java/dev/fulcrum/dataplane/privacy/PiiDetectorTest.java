package dev.fulcrum.dataplane.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {
  private final PiiDetector detector = PiiDetector.builder()
      .recognizers(PatternRecognizers.all()).build();

  @Test
  void findsFullWidthObfuscatedEmailWithOffsetsIntoTheOriginal() {
    String text = "write to ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ today";

    List<Entity> found = detector.analyze(text);

    assertThat(found).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
      assertThat(text.substring(e.start(), e.end())).isEqualTo("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ");
    });
  }

  @Test
  void findsCardNumberBrokenUpByZeroWidthSpaces() {
    String text = "pay with 4111\u200B1111\u200B1111\u200B1111 please";

    List<Entity> found = detector.analyze(text);

    assertThat(found).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EntityType.CREDIT_CARD);
      assertThat(text.substring(e.start(), e.end()))
          .isEqualTo("4111\u200B1111\u200B1111\u200B1111");
    });
  }

  @Test
  void higherScoreWinsAnOverlap() {
    PiiDetector d = detectorOf(fixed(EntityType.PERSON, 0, 10, 0.6),
        fixed(EntityType.LOCATION, 5, 8, 0.9));

    assertThat(d.analyze("0123456789")).containsExactly(
        new Entity(EntityType.LOCATION, 5, 8, 0.9));
  }

  @Test
  void longerSpanWinsAnOverlapBetweenEqualScores() {
    PiiDetector d = detectorOf(fixed(EntityType.LOCATION, 2, 6, 0.8),
        fixed(EntityType.PERSON, 0, 10, 0.8));

    assertThat(d.analyze("0123456789")).containsExactly(
        new Entity(EntityType.PERSON, 0, 10, 0.8));
  }

  @Test
  void typePriorityBreaksTiesOfScoreAndLength() {
    PiiDetector d = detectorOf(fixed(EntityType.DOMAIN_NAME, 0, 10, 0.8),
        fixed(EntityType.PHONE_NUMBER, 0, 10, 0.8), fixed(EntityType.SECRET, 0, 10, 0.8));

    assertThat(d.analyze("0123456789")).extracting(Entity::type)
        .containsExactly(EntityType.SECRET);
  }

  @Test
  void keepsNonOverlappingFindingsSortedByStart() {
    PiiDetector d = detectorOf(fixed(EntityType.PERSON, 6, 9, 0.7),
        fixed(EntityType.LOCATION, 0, 3, 0.9), fixed(EntityType.PERSON, 3, 6, 0.5));

    assertThat(d.analyze("0123456789")).extracting(Entity::start).containsExactly(0, 3, 6);
  }

  @Test
  void dropsFindingsBelowTheMinimumScoreOrOfDisabledTypes() {
    PiiDetector d = PiiDetector.builder()
        .recognizer(fixed(EntityType.PERSON, 0, 2, 0.49))
        .recognizer(fixed(EntityType.LOCATION, 3, 5, 0.9))
        .recognizer(fixed(EntityType.URL, 6, 8, 0.9))
        .minScore(0.5).enabledTypes(Set.of(EntityType.PERSON, EntityType.URL)).build();

    assertThat(d.analyze("0123456789")).extracting(Entity::type)
        .containsExactly(EntityType.URL);
  }

  @Test
  void ignoresFindingsOutsideTheTextFromAFaultyRecognizer() {
    PiiDetector d = detectorOf(fixed(EntityType.PERSON, 5, 50, 0.9));

    assertThat(d.analyze("0123456789")).isEmpty();
  }

  @Test
  void failsClosedWhenTheDeadlinePassesAndSaysSoWithoutTheText() {
    FakeClock clock = new FakeClock().stepEveryRead(Duration.ofMillis(10));
    PiiDetector d = PiiDetector.builder().recognizers(PatternRecognizers.all())
        .clock(clock).build();

    assertThatThrownBy(() -> d.analyze("call me at 555-0100, secret stuff", Duration.ofMillis(25)))
        .isInstanceOfSatisfying(PrivacyScanException.class, e -> {
          assertThat(e.reason()).isEqualTo(PrivacyScanException.Reason.DEADLINE_EXCEEDED);
          assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("555");
        });
  }

  @Test
  void aBudgetShorterThanAMillisecondStillFailsOnceItHasPassed() {
    FakeClock clock = new FakeClock().stepEveryRead(Duration.ofNanos(1_000));
    PiiDetector d = PiiDetector.builder().recognizers(PatternRecognizers.all())
        .clock(clock).build();

    assertThatThrownBy(() -> d.analyze("mail a@b.com", Duration.ofNanos(1)))
        .isInstanceOfSatisfying(PrivacyScanException.class, e ->
            assertThat(e.reason()).isEqualTo(PrivacyScanException.Reason.DEADLINE_EXCEEDED));
  }

  @Test
  void finishesWithinBudgetWhenTheClockStandsStill() {
    PiiDetector d = PiiDetector.builder().recognizers(PatternRecognizers.all())
        .clock(new FakeClock()).build();

    assertThat(d.analyze("mail a@b.com", Duration.ofMillis(1))).hasSize(1);
  }

  @Test
  void aSlowRecognizerTripsTheDeadlineBeforeTheNextOneRuns() {
    FakeClock clock = new FakeClock();
    Recognizer slow = (text, out) -> clock.advance(Duration.ofSeconds(1));
    Recognizer never = (text, out) -> {
      throw new AssertionError("must not run after the deadline");
    };
    PiiDetector d = PiiDetector.builder().recognizer(slow).recognizer(never).clock(clock).build();

    assertThatThrownBy(() -> d.analyze("text", Duration.ofMillis(500)))
        .isInstanceOf(PrivacyScanException.class);
  }

  @Test
  void aScanThatFinishesPastItsDeadlineFailsEvenWhenTheLastRecognizerWasTheSlowOne() {
    FakeClock clock = new FakeClock();
    Recognizer fast = PatternRecognizers.email();
    Recognizer slowLast = (text, out) -> clock.advance(Duration.ofSeconds(1));
    PiiDetector d = PiiDetector.builder().recognizer(fast).recognizer(slowLast).clock(clock)
        .build();

    assertThatThrownBy(() -> d.analyze("mail a@b.com", Duration.ofMillis(100)))
        .isInstanceOfSatisfying(PrivacyScanException.class, e ->
            assertThat(e.reason()).isEqualTo(PrivacyScanException.Reason.DEADLINE_EXCEEDED));
  }

  @Test
  void aFailingRecognizerFailsTheScanWithoutLeakingItsMessage() {
    Recognizer broken = (text, out) -> {
      throw new IllegalStateException("boom while reading " + text);
    };
    PiiDetector d = detectorOf(broken);

    assertThatThrownBy(() -> d.analyze("jane.doe@example.com"))
        .isInstanceOfSatisfying(PrivacyScanException.class, e -> {
          assertThat(e.reason()).isEqualTo(PrivacyScanException.Reason.RECOGNIZER_FAILED);
          assertThat(e.getMessage()).doesNotContain("jane").contains("IllegalStateException");
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  void findsEntitiesInLaterWindowsAndAcrossAWindowBoundary() {
    StringBuilder text = new StringBuilder("x".repeat(PiiDetector.WINDOW - 6)).append(' ');
    int straddling = text.length();
    text.append("jane@example.com ").append("y ".repeat(70_000));
    int late = text.length();
    text.append("bob@example.org end");

    List<Entity> found = detector.analyze(text);

    assertThat(found).extracting(Entity::start).containsExactly(straddling, late);
    assertThat(found).extracting(e -> text.substring(e.start(), e.end()))
        .containsExactly("jane@example.com", "bob@example.org");
  }

  @Test
  void validatedPhoneNumberBeatsAModelGuessSpanningItAndTheGuessKeepsItsWords() {
    String text = "Hungary 34796\n(37) 788-063-Office";
    int phone = text.indexOf("(37)");
    PiiDetector both = detectorOf(
        fixed(EntityType.LOCATION, 0, text.length(), 0.95),
        fixed(EntityType.PHONE_NUMBER, phone, phone + "(37) 788-063".length(), 0.6));

    List<Entity> found = both.analyze(text);

    assertThat(found).extracting(Entity::type)
        .containsExactly(EntityType.LOCATION, EntityType.PHONE_NUMBER, EntityType.LOCATION);
    assertThat(found).extracting(e -> text.substring(e.start(), e.end()))
        .containsExactly("Hungary 34796", "(37) 788-063", "Office");
  }

  @Test
  void modelGuessLeftWithoutALetterOutsideValidatedFindingsIsDropped() {
    String text = "call 082 490 1693 now";
    int phone = text.indexOf("082");
    PiiDetector both = detectorOf(
        fixed(EntityType.LOCATION, phone - 1, phone + 13, 0.98),
        fixed(EntityType.PHONE_NUMBER, phone, phone + 12, 0.6));

    assertThat(both.analyze(text)).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PHONE_NUMBER));
  }

  @Test
  void modelGuessesStillCompeteByScoreAmongThemselves() {
    String text = "Paris Hilton";
    PiiDetector both = detectorOf(fixed(EntityType.LOCATION, 0, 5, 0.7),
        fixed(EntityType.PERSON, 0, 12, 0.9));

    assertThat(both.analyze(text)).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON));
  }

  @Test
  void analyzesEmptyText() {
    assertThat(detector.analyze("")).isEmpty();
  }

  @Test
  void toStringShowsConfigurationOnly() {
    assertThat(detector.toString()).startsWith("PiiDetector[recognizers=11");
  }

  private static PiiDetector detectorOf(Recognizer... recognizers) {
    return PiiDetector.builder().recognizers(List.of(recognizers)).build();
  }

  private static Recognizer fixed(EntityType type, int start, int end, double score) {
    return (text, out) -> out.add(new Entity(type, start, end, score));
  }
}
