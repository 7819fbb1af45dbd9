package dev.fulcrum.dataplane.privacy.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.privacy.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RehydratorTest {
  private Vault vault;
  private Rehydrator rehydrator;

  @BeforeEach
  void fillVault() {
    vault = Vault.create();
    vault.placeholderFor(EntityType.PERSON, "Jane Doe");
    vault.placeholderFor(EntityType.PERSON, "Bob");
    vault.placeholderFor(EntityType.EMAIL_ADDRESS, "jane@example.com");
    for (int i = 0; i < 10; i++) {
      vault.placeholderFor(EntityType.LOCATION, "City " + i);
    }
    rehydrator = Rehydrator.of(vault);
  }

  @Test
  void restoresPlaceholdersInsideSurroundingText() {
    assertThat(rehydrator.restore("Dear <PERSON_1>, write to <EMAIL_ADDRESS_1>.<PERSON_2>!"))
        .isEqualTo("Dear Jane Doe, write to jane@example.com.Bob!");
  }

  @Test
  void restoresInJsonTextWithOriginalsEscapedAsStringContent() {
    Vault quoted = Vault.create();
    quoted.placeholderFor(EntityType.PERSON, "Ann \"A\\B\" Lee\n");
    Rehydrator json = Rehydrator.of(quoted);

    assertThat(json.restoreInJson("{\"name\":\"<PERSON_1>\",\"note\":\"hi <PERSON_1>\"}"))
        .isEqualTo("{\"name\":\"Ann \\\"A\\\\B\\\" Lee\\n\","
            + "\"note\":\"hi Ann \\\"A\\\\B\\\" Lee\\n\"}");
    assertThat(json.restore("<PERSON_1>")).isEqualTo("Ann \"A\\B\" Lee\n");
  }

  @Test
  void passesUnknownPlaceholdersAndAngleBracketsThroughUntouched() {
    String text = "<PERSON_9> <b>bold</b> a < b > c <PERSON_1 <<PERSON_2>> <EMAIL_ADDRESS_1";

    assertThat(rehydrator.restore(text))
        .isEqualTo("<PERSON_9> <b>bold</b> a < b > c <PERSON_1 <Bob> <EMAIL_ADDRESS_1");
  }

  @Test
  void restoresEveryPlaceholderSplitAtEveryPointAcrossTwoChunks() {
    for (String placeholder : placeholders()) {
      String text = "x" + placeholder + "y";
      String expected = "x" + vault.original(placeholder).orElseThrow() + "y";
      for (int cut = 0; cut <= text.length(); cut++) {
        StreamingRehydrator stream = rehydrator.streaming();
        String out = stream.push(text.substring(0, cut)) + stream.push(text.substring(cut))
            + stream.finish();
        assertThat(out).as("%s cut at %d", placeholder, cut).isEqualTo(expected);
      }
    }
  }

  @Test
  void restoresPlaceholdersFedOneCharAtATime() {
    String text = "<PERSON_1><PERSON_2> and <LOCATION_10>, <LOCATION_1>.";
    StreamingRehydrator stream = rehydrator.streaming();
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(stream.push(String.valueOf(c)));
    }
    out.append(stream.finish());

    assertThat(out).hasToString("Jane DoeBob and City 9, City 0.");
  }

  @Test
  void restoresSeveralPlaceholdersPerChunkUnderRandomChunking() {
    String text = "Hi <PERSON_1>, <PERSON_2> wrote <EMAIL_ADDRESS_1> from <LOCATION_10> <x> <PERSON_7>";
    String expected = rehydrator.restore(text);
    SplittableRandom random = new SplittableRandom(5L);
    for (int round = 0; round < 500; round++) {
      StreamingRehydrator stream = rehydrator.streaming();
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        int next = Math.min(text.length(), i + random.nextInt(1, 12));
        out.append(stream.push(text.substring(i, next)));
        i = next;
      }
      out.append(stream.finish());
      assertThat(out).hasToString(expected);
    }
    assertThat(expected).isEqualTo(
        "Hi Jane Doe, Bob wrote jane@example.com from City 9 <x> <PERSON_7>");
  }

  @Test
  void holdsBackOnlyATailThatCouldStillBecomeAKnownPlaceholder() {
    StreamingRehydrator stream = rehydrator.streaming();

    assertThat(stream.push("Hello <PER")).isEqualTo("Hello ");
    assertThat(stream.held()).isEqualTo(4);
    assertThat(stream.push("X")).isEqualTo("<PERX");
    assertThat(stream.held()).isZero();
    assertThat(stream.push("a <")).isEqualTo("a ");
    assertThat(stream.push("b")).isEqualTo("<b");
  }

  @Test
  void neverHoldsBackMoreThanTheLongestPlaceholderMinusOne() {
    String longest = "<EMAIL_ADDRESS_1>";
    assertThat(vault.longestPlaceholder()).isEqualTo(longest.length());
    StreamingRehydrator stream = rehydrator.streaming();
    for (int cut = 1; cut < longest.length(); cut++) {
      stream.push("text " + longest.substring(0, cut));
      assertThat(stream.held()).isLessThanOrEqualTo(longest.length() - 1);
      stream.finish();
    }
  }

  @Test
  void finishReleasesAnUnfinishedPlaceholderAsItWas() {
    StreamingRehydrator stream = rehydrator.streaming();

    assertThat(stream.push("bye <PERSON_")).isEqualTo("bye ");
    assertThat(stream.finish()).isEqualTo("<PERSON_");
  }

  @Test
  void passesEverythingThroughWithAnEmptyVault() {
    StreamingRehydrator stream = Rehydrator.of(Vault.create()).streaming();

    assertThat(stream.push("<PER")).isEqualTo("<PER");
  }

  private List<String> placeholders() {
    List<String> all = new ArrayList<>(List.of("<PERSON_1>", "<PERSON_2>", "<EMAIL_ADDRESS_1>"));
    for (int i = 1; i <= 10; i++) {
      all.add("<LOCATION_" + i + ">");
    }
    all.forEach(p -> assertThat(vault.original(p)).as(p).isPresent());
    return all;
  }
}
