package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The known-name rules on their own: the text is tokenized as the recognizer does, the model's
 * tags are given by each test (all outside unless said), so no result depends on the model.
 */
class KnownNamesTest {
  private static KnownNames names;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream list = KnownNames.class.getResourceAsStream(KnownNames.LIST)) {
      names = KnownNames.load(list);
    }
  }

  /** What the rules report in {@code text}, the model having tagged {@code tagged} tokens. */
  private static List<Entity> find(String text, Tag... tagged) {
    TokenSeq seq = new TokenSeq(Tagger.SEGMENT);
    Tokenizer.next(text, 0, seq);
    int[] path = new int[seq.size()];
    for (Tag tag : tagged) {
      int type = Labels.typeIndex(tag.type());
      for (int i = 0; i < seq.size(); i++) {
        if (seq.start[i] >= tag.start() && seq.end[i] <= tag.end()) {
          path[i] = seq.start[i] == tag.start() ? Labels.begin(type) : Labels.inside(type);
        }
      }
    }
    List<Entity> out = new ArrayList<>();
    names.emit(seq, path, out);
    return out;
  }

  private record Tag(EntityType type, int start, int end) {
    static Tag of(EntityType type, String text, String span) {
      int start = text.indexOf(span);
      return new Tag(type, start, start + span.length());
    }
  }

  private static Entity at(String text, String span, EntityType type) {
    int start = text.indexOf(span);
    return new Entity(type, start, start + span.length(), KnownNames.SCORE);
  }

  private static Entity last(String text, String span, EntityType type) {
    int start = text.lastIndexOf(span);
    return new Entity(type, start, start + span.length(), KnownNames.SCORE);
  }

  @Test
  void reportsCountriesInAListAsLocations() {
    String text = "We ship to Spain, Brazil and Uruguay.";

    assertThat(find(text)).containsExactly(at(text, "Spain", EntityType.LOCATION),
        at(text, "Brazil", EntityType.LOCATION), at(text, "Uruguay", EntityType.LOCATION));
  }

  @Test
  void reportsLanguagesAndNationalitiesAsNrp() {
    String text = "She speaks Swedish and Dutch with her Brazilian colleagues.";

    assertThat(find(text)).containsExactly(at(text, "Swedish", EntityType.NRP),
        at(text, "Dutch", EntityType.NRP), at(text, "Brazilian", EntityType.NRP));
  }

  @Test
  void takesTheLongestNameOfSeveralWords() {
    String text = "Offices in Bosnia and Herzegovina, Papua New Guinea and Guinea-Bissau";

    assertThat(find(text)).containsExactly(
        at(text, "Bosnia and Herzegovina", EntityType.LOCATION),
        at(text, "Papua New Guinea", EntityType.LOCATION),
        at(text, "Guinea-Bissau", EntityType.LOCATION));
  }

  @Test
  void readsCldrNamesInTheirUsualForms() {
    assertThat(KnownNames.countryNameVariants("Bosnia & Herzegovina"))
        .containsExactly("Bosnia & Herzegovina", "Bosnia and Herzegovina");
    assertThat(KnownNames.countryNameVariants("Myanmar (Burma)")).containsExactly("Burma", "Myanmar");
    assertThat(KnownNames.countryNameVariants("Congo - Kinshasa")).containsExactly("Congo");
    assertThat(KnownNames.countryNameVariants("Hong Kong SAR China")).containsExactly("Hong Kong");
    assertThat(KnownNames.countryNameVariants("St. Lucia")).containsExactly("St. Lucia", "Saint Lucia");
    String text = "Trips to Myanmar, Burma, Saint Lucia and Trinidad and Tobago";
    assertThat(find(text)).extracting(e -> text.substring(e.start(), e.end()))
        .containsExactly("Myanmar", "Burma", "Saint Lucia", "Trinidad and Tobago");
  }

  @Test
  void needsACapitalAndNoShouting() {
    assertThat(find("we ship to spain and brazil, they speak english")).isEmpty();
    assertThat(find("WE SHIP TO SPAIN AND BRAZIL")).isEmpty();
  }

  @Test
  void leavesWhatTheModelTaggedToTheModel() {
    String text = "Jordan Spain works at the Bank of Spain, 12 Calle Mayor, Madrid, Spain.";
    Tag person = Tag.of(EntityType.PERSON, text, "Jordan Spain");
    Tag org = Tag.of(EntityType.ORGANIZATION, text, "Bank of Spain");
    Tag address = Tag.of(EntityType.LOCATION, text, "12 Calle Mayor, Madrid, Spain");

    assertThat(find(text, person, org, address)).isEmpty();
    assertThat(find(text, person, org)).containsExactly(last(text, "Spain", EntityType.LOCATION));
  }

  @Test
  void neverReportsNamesThatAreAlsoGivenNames() {
    assertThat(find("I asked Jordan and Chad whether Georgia or India would join.")).isEmpty();
  }

  @Test
  void skipsNamesThatAreAlsoWordsOnlyAtTheStartOfASentence() {
    String text = "Turkey was on the menu. Polish the silver.\nChina plates. We flew to Turkey and "
        + "China with our Polish friends.";

    assertThat(find(text)).containsExactly(last(text, "Turkey", EntityType.LOCATION),
        last(text, "China", EntityType.LOCATION), last(text, "Polish", EntityType.NRP));
  }

  @Test
  void reportsUnambiguousNamesAtTheStartOfASentenceToo() {
    String text = "Spain won. English is spoken.";

    assertThat(find(text)).containsExactly(at(text, "Spain", EntityType.LOCATION),
        at(text, "English", EntityType.NRP));
  }

  @Test
  void prefersTheCountryWhenANameIsAlsoALanguage() {
    String text = "She lives in Nauru.";

    assertThat(find(text)).containsExactly(at(text, "Nauru", EntityType.LOCATION));
  }

  @Test
  void ignoresWordsThatOnlyStartANameAndConstructedLanguages() {
    assertThat(find("United we stand; South of here; written in Esperanto or Ido.")).isEmpty();
  }

  @Test
  void theEmptyListFindsNothing() {
    TokenSeq seq = new TokenSeq(16);
    Tokenizer.next("Spain and English", 0, seq);
    List<Entity> out = new ArrayList<>();

    KnownNames.NONE.emit(seq, new int[seq.size()], out);

    assertThat(out).isEmpty();
  }
}
