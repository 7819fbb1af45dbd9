package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NerRecognizerTest {
  private static NerRecognizer ner;

  @BeforeAll
  static void load() {
    ner = SharedModel.recognizer();
  }

  private static List<Entity> find(String text) {
    List<Entity> out = new ArrayList<>();
    ner.find(text, out);
    return out;
  }

  private static List<String> spans(String text, EntityType type) {
    return find(text).stream().filter(e -> e.type() == type)
        .map(e -> text.substring(e.start(), e.end())).toList();
  }

  @Test
  void findsTheNameAfterMyNameIs() {
    String text = "My name is Maria Kowalski and I need help with my order.";

    assertThat(spans(text, EntityType.PERSON)).containsExactly("Maria Kowalski");
  }

  @Test
  void findsANameFromAnotherLocale() {
    String text = "Yesterday I spoke with Krisztián Szöllösy about the contract.";

    assertThat(spans(text, EntityType.PERSON)).containsExactly("Krisztián Szöllösy");
  }

  @Test
  void findsAStreetAddress() {
    String text = "Please ship the package to 742 Evergreen Terrace, Springfield.";

    assertThat(spans(text, EntityType.LOCATION)).contains("742 Evergreen Terrace");
  }

  @Test
  void findsACityAndACountry() {
    String text = "I was born in Lyon, France, but I live in Toronto now.";

    assertThat(spans(text, EntityType.LOCATION)).containsExactly("Lyon", "France", "Toronto");
  }

  @Test
  void findsCountriesInAListAndLanguagesAsAdjectives() {
    String text = "Prices rose in Spain, Brazil and Uruguay; the manual is English, the staff Swedish.";

    assertThat(spans(text, EntityType.LOCATION)).containsExactly("Spain", "Brazil", "Uruguay");
    assertThat(spans(text, EntityType.NRP)).containsExactly("English", "Swedish");
  }

  /**
   * Known names only add to what the model finds: every model span is kept as it is, so a
   * country inside an address, an organization or a person's name never splits it.
   */
  @Test
  void knownNamesNeverChangeOrOverlapWhatTheModelFound() {
    NerRecognizer modelOnly = NerRecognizer.of(ner.gazetteer(), ner.model());
    int addedCount = 0;
    for (String text : List.of(
        "Please ship it to 9 Calle Mayor, 28013 Madrid, Spain by Friday.",
        "Send the parcel to 221 Baker Street, London NW1 6XE, United Kingdom.",
        "Jordan Spain joined the Bank of Spain after ten years at Turkish Airlines.",
        "Our office: Rua Augusta 12, 1100-053 Lisboa, Portugal. We speak Portuguese.",
        "Ana Brazil moved from Uruguay to Spain with her Swedish husband.")) {
      List<Entity> byModel = new ArrayList<>();
      modelOnly.find(text, byModel);

      List<Entity> all = find(text);

      assertThat(all).as(text).containsAll(byModel);
      for (Entity added : all.subList(byModel.size(), all.size())) {
        assertThat(added.score()).isEqualTo(KnownNames.SCORE);
        assertThat(byModel).as(text).noneMatch(added::overlaps);
        addedCount++;
      }
    }
    // the model misses "Swedish" in the last text; if a retrained model finds it, pick a
    // sentence where it misses a known name, so this test still checks something
    assertThat(addedCount).isPositive();
  }

  @Test
  void findsAnOrganizationWithALegalSuffix() {
    String text = "She works as an accountant at Hartmann Logistics GmbH in Berlin.";

    assertThat(spans(text, EntityType.ORGANIZATION)).containsExactly("Hartmann Logistics GmbH");
    assertThat(spans(text, EntityType.LOCATION)).containsExactly("Berlin");
  }

  @Test
  void findsANationality() {
    assertThat(spans("My grandparents were Hungarian.", EntityType.NRP))
        .containsExactly("Hungarian");
  }

  @Test
  void ignoresWeekdaysMonthsAndProducts() {
    String text = "See you on Monday! In March we will move the Excel reports to Slack "
        + "and buy a new iPhone.";

    assertThat(find(text)).isEmpty();
  }

  @Test
  void ignoresCapitalizedCommonWordsAtTheStartOfSentences() {
    String text = "Please review the attached code. Thanks for your help! Summary: the "
        + "Release Notes and the Code Review checklist are ready.";

    assertThat(find(text)).isEmpty();
  }

  @Test
  void handlesLowercaseInput() {
    String text = "hi my name is john and i live in london";

    assertThat(spans(text, EntityType.PERSON)).containsExactly("john");
    assertThat(spans(text, EntityType.LOCATION)).containsExactly("london");
  }

  @Test
  void doesNotFindNamesInsideEmailAddressesOrUrls() {
    String text = "Write to MariaKowalski@example.com or see https://www.MariaKowalski.com/cv";

    assertThat(find(text)).isEmpty();
  }

  @Test
  void offsetsAreExactAndTrimmed() {
    String text = "  Dear Dr. Anna Berg,\n\nyour parcel for 12 Kings Road, Cambridge (UK) is late. ";

    List<Entity> found = find(text);

    assertThat(found).isNotEmpty();
    for (Entity e : found) {
      String s = text.substring(e.start(), e.end());
      assertThat(s).isEqualTo(s.strip());
      assertThat(Character.isLetterOrDigit(s.charAt(0))).isTrue();
      assertThat(Character.isLetterOrDigit(s.charAt(s.length() - 1)) || s.endsWith(".")).isTrue();
    }
    assertThat(spans(text, EntityType.PERSON)).containsExactly("Anna Berg");
  }

  @Test
  void scoresAreConfidences() {
    List<Entity> clear = find("My name is Maria Kowalski.");
    List<Entity> all = find("Mirko asked whether Bramble Cove ships to Ostrava or to Vantaa.");

    assertThat(clear).singleElement().satisfies(e -> assertThat(e.score()).isGreaterThan(0.8));
    assertThat(all).allSatisfy(e -> assertThat(e.score()).isBetween(0.0, 1.0));
  }

  @Test
  void acceptsOtherCharSequences() {
    StringBuilder text = new StringBuilder("My name is Maria Kowalski.");

    List<Entity> out = new ArrayList<>();
    ner.find(text, out);

    assertThat(out).extracting(Entity::type).containsExactly(EntityType.PERSON);
  }

  @Test
  void neverThrowsOnJunkInput() {
    Random rnd = new Random(42);
    String alphabet = "aB zZ.,'-’@:/#\n\t\u0000\u0007\u00A0éÖßΣжא中😀\uFFFD";
    for (int round = 0; round < 300; round++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(600);
      for (int i = 0; i < len; i++) {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
          b.append((char) (0xD800 + rnd.nextInt(0x800)));
        } else if (kind == 1) {
          b.append((char) rnd.nextInt(0x10000));
        } else {
          b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      }
      String text = b.toString();
      assertThatCode(() -> assertValid(text, find(text))).doesNotThrowAnyException();
    }
  }

  @Test
  void handlesHugeInputsInBoundedSegments() {
    String sentence = "My name is Maria Kowalski and I live in Lyon. ";
    String huge = sentence.repeat(4_000) + "x".repeat(100_000) + " Ada Lovelace".repeat(2_000);

    List<Entity> found = find(huge);

    assertValid(huge, found);
    assertThat(found).filteredOn(e -> e.type() == EntityType.PERSON).hasSizeGreaterThan(3_900);
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    String text = "Hi, I'm Maria Kowalski from Lyon; my colleague Jan Nowak lives in Warsaw.";
    List<Entity> expected = find(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Entity>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> find(text)));
      }
      for (Future<List<Entity>> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Calls reuse the scratch space an earlier call left behind; texts of different lengths and
   * segment counts, scanned in turn and at once, must find exactly what a first call finds.
   */
  @Test
  void findsTheSameWithReusedScratchSpaceAsWithFreshOne() throws Exception {
    List<String> texts = List.of(
        "Hi, I'm Maria Kowalski from Lyon; my colleague Jan Nowak lives in Warsaw.",
        "ok",
        "",
        "Send it to Dr. Ada Lovelace, 12 Downing Street, London. ".repeat(40),
        "the quick brown fox jumps over the lazy dog ".repeat(30) + "Jean-Pierre Dupont");
    List<List<Entity>> expected = new ArrayList<>();
    for (String text : texts) {
      List<Entity> out = new ArrayList<>();
      NerRecognizer.of(ner.gazetteer(), ner.model(), ner.knownNames()).find(text, out); // a first call: fresh
      expected.add(out);
    }
    Random random = new Random(5);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> checks = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        int k = random.nextInt(texts.size());
        assertThat(find(texts.get(k))).isEqualTo(expected.get(k));
        checks.add(pool.submit(() -> assertThat(find(texts.get(k))).isEqualTo(expected.get(k))));
      }
      for (Future<?> check : checks) {
        check.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void explainsEachTokenWithReadableFeatures() {
    List<NerRecognizer.TokenExplanation> explanations = ner.explain("My name is Maria.", 5);

    NerRecognizer.TokenExplanation maria = explanations.get(3);
    assertThat(maria.tag()).isEqualTo("B-PERSON");
    assertThat(maria.contributions()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
    assertThat(maria.contributions()).allSatisfy(c -> assertThat(c.weight()).isNotZero());
    assertThat(maria.contributions().toString()).doesNotContain("maria");
  }

  private static void assertValid(String text, List<Entity> found) {
    for (Entity e : found) {
      assertThat(e.start()).isBetween(0, text.length());
      assertThat(e.end()).isBetween(e.start() + 1, text.length());
      assertThat(e.score()).isBetween(0.0, 1.0);
    }
  }
}
