package dev.fulcrum.dataplane.privacy.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SanitizerTest {
  private static final HashKey KEY = HashKey.of("tenant-acme-key-0123456789".getBytes(
      StandardCharsets.UTF_8));

  @Test
  void redactsWithTheTypeName() {
    assertThat(sanitize(Action.REDACT, "mail jane@example.com now", EntityType.EMAIL_ADDRESS,
        "jane@example.com").text()).isEqualTo("mail [EMAIL_ADDRESS] now");
  }

  @Test
  void masksCardsKeepingTheLastFourDigits() {
    assertThat(mask(EntityType.CREDIT_CARD, "4111 1111 1111 1234"))
        .isEqualTo("****-****-****-1234");
  }

  @Test
  void masksEachTypeSensibly() {
    assertThat(mask(EntityType.US_SSN, "536-22-6789")).isEqualTo("***-**-6789");
    assertThat(mask(EntityType.PHONE_NUMBER, "+1 (415) 555-2671")).isEqualTo("+* (***) ***-**71");
    assertThat(mask(EntityType.IBAN_CODE, "GB82 WEST 1234 5698 7654 32"))
        .isEqualTo("GB** **** **** **** **54 32");
    assertThat(mask(EntityType.EMAIL_ADDRESS, "jane@example.com")).isEqualTo("j***@example.com");
    assertThat(mask(EntityType.IP_ADDRESS, "192.168.1.20")).isEqualTo("192.*.*.*");
    assertThat(mask(EntityType.IP_ADDRESS, "2001:db8::1")).isEqualTo("2001:*");
    assertThat(mask(EntityType.SECRET, "sk-proj-Ab3dEf6hIj9lMn2pQr5t")).isEqualTo("sk-proj-****");
    assertThat(mask(EntityType.SECRET, "Zx8Qp2Lm7Rt4Vb9Nc3Kd6Hf1Jg5")).isEqualTo("****");
    assertThat(mask(EntityType.URL, "https://example.com/u/jane?x=1"))
        .isEqualTo("https://example.com/****");
    assertThat(mask(EntityType.DOMAIN_NAME, "janedoe.com")).isEqualTo("****.com");
    assertThat(mask(EntityType.DATE_TIME, "12/05/1990")).isEqualTo("**/**/****");
    assertThat(mask(EntityType.PERSON, "Jane van Doe")).isEqualTo("J*** v** D**");
  }

  @Test
  void hashesStablyWithAShortReadableToken() {
    String first = sanitize(Action.HASH, "jane@example.com", EntityType.EMAIL_ADDRESS,
        "jane@example.com").text();
    String again = sanitize(Action.HASH, "JANE@example.com", EntityType.EMAIL_ADDRESS,
        "JANE@example.com").text();

    assertThat(first).matches("<EMAIL_ADDRESS:[0-9a-f]{12}>").isEqualTo(again);
  }

  @Test
  void hashesDifferUnderAnotherTenantsKey() {
    HashKey other = HashKey.of(new byte[32]);
    Sanitizer a = Sanitizer.create(SanitizationPolicy.of(Action.HASH), KEY);
    Sanitizer b = Sanitizer.create(SanitizationPolicy.of(Action.HASH), other);
    List<Entity> e = List.of(new Entity(EntityType.PERSON, 0, 4, 0.9));

    assertThat(a.sanitize("Jane", e, Vault.create()).text())
        .isNotEqualTo(b.sanitize("Jane", e, Vault.create()).text());
  }

  @Test
  void pseudonymizesTheSameValueToTheSamePlaceholderAcrossMessages() {
    Sanitizer sanitizer = Sanitizer.create(SanitizationPolicy.of(Action.PSEUDONYMIZE), KEY);
    Vault vault = Vault.create();

    String m1 = sanitizer.sanitize("Jane met Bob", List.of(person(0, 4), person(9, 12)), vault)
        .text();
    String m2 = sanitizer.sanitize("Bob and Jane", List.of(person(0, 3), person(8, 12)), vault)
        .text();

    assertThat(m1).isEqualTo("<PERSON_1> met <PERSON_2>");
    assertThat(m2).isEqualTo("<PERSON_2> and <PERSON_1>");
    assertThat(vault.original("<PERSON_2>")).contains("Bob");
  }

  @Test
  void pseudonymizesDifferentlyFormattedCardsAlike() {
    Sanitizer sanitizer = Sanitizer.create(SanitizationPolicy.of(Action.PSEUDONYMIZE), KEY);
    Vault vault = Vault.create();
    String text = "4111 1111 1111 1111 or 4111-1111-1111-1111";

    Sanitized out = sanitizer.sanitize(text, List.of(
        new Entity(EntityType.CREDIT_CARD, 0, 19, 1), new Entity(EntityType.CREDIT_CARD, 23, 42, 1)),
        vault);

    assertThat(out.text()).isEqualTo("<CREDIT_CARD_1> or <CREDIT_CARD_1>");
  }

  @Test
  void appliesPerTypeActionsWithADefaultAndAllowsWhatThePolicyAllows() {
    SanitizationPolicy policy = new SanitizationPolicy(
        Map.of(EntityType.CREDIT_CARD, Action.REDACT, EntityType.URL, Action.ALLOW),
        Action.PSEUDONYMIZE);
    String text = "Jane paid 4111111111111111 via https://shop.example.com";
    List<Entity> entities = List.of(person(0, 4),
        new Entity(EntityType.CREDIT_CARD, 10, 26, 1), new Entity(EntityType.URL, 31, 55, 0.9));

    Sanitized out = Sanitizer.create(policy, KEY).sanitize(text, entities, Vault.create());

    assertThat(out.text()).isEqualTo("<PERSON_1> paid [CREDIT_CARD] via https://shop.example.com");
    assertThat(out.counts()).containsExactlyInAnyOrderEntriesOf(
        Map.of(EntityType.PERSON, 1, EntityType.CREDIT_CARD, 1));
    assertThat(out.replacements()).extracting(Sanitized.Replacement::start).containsExactly(0, 10);
  }

  @Test
  void skipsEntitiesOverlappingOnesAlreadyApplied() {
    List<Entity> entities = new ArrayList<>(List.of(person(0, 8), person(4, 12)));

    Sanitized out = Sanitizer.create(SanitizationPolicy.of(Action.REDACT), KEY)
        .sanitize("Jane Doe Smith", entities, Vault.create());

    assertThat(out.text()).isEqualTo("[PERSON] Smith");
  }

  @Test
  void refusesEntitiesOutsideTheTextWithoutShowingIt() {
    Sanitizer sanitizer = Sanitizer.create(SanitizationPolicy.of(Action.REDACT), KEY);

    assertThatThrownBy(() -> sanitizer.sanitize("Jane", List.of(person(0, 9)), Vault.create()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Jane");
  }

  @Test
  void neverShowsValuesInToString() {
    Vault vault = Vault.create();
    Sanitized out = Sanitizer.create(SanitizationPolicy.of(Action.PSEUDONYMIZE), KEY)
        .sanitize("Jane", List.of(person(0, 4)), vault);

    assertThat(out.toString()).doesNotContain("Jane").doesNotContain("PERSON_1>")
        .contains("PERSON=1");
    assertThat(vault.toString()).isEqualTo("Vault[entries=1]");
    assertThat(KEY.toString()).doesNotContain("acme");
  }

  @Test
  void refusesShortHashKeys() {
    assertThatThrownBy(() -> HashKey.of(new byte[8])).isInstanceOf(IllegalArgumentException.class);
  }

  private static Entity person(int start, int end) {
    return new Entity(EntityType.PERSON, start, end, 0.9);
  }

  private static String mask(EntityType type, String value) {
    return sanitize(Action.MASK, value, type, value).text();
  }

  private static Sanitized sanitize(Action action, String text, EntityType type, String value) {
    int start = text.indexOf(value);
    return Sanitizer.create(SanitizationPolicy.of(action), KEY).sanitize(text,
        List.of(new Entity(type, start, start + value.length(), 0.9)), Vault.create());
  }
}
