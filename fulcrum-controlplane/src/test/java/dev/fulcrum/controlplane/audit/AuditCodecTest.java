package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditCodecTest {
  private static final Instant TS = Instant.parse("2025-03-01T10:00:00Z");

  private static String entry(long seq, AuditEvent event) {
    return AuditCodec.entry(seq, TS, event.type(), AuditCodec.event(event));
  }

  @Test
  void encodesWithSortedKeysAndNoWhitespace() {
    String canonical = entry(3, Events.change("why"));

    assertThat(canonical).isEqualTo("{\"event\":{\"action\":\"rollout.advance\",\"actor\":"
        + "\"admin:ops\",\"after\":\"canary 25%\",\"before\":\"canary 5%\",\"reason\":\"why\","
        + "\"subject\":\"model chat-large\"},\"seq\":3,\"ts\":1740823200000,"
        + "\"type\":\"control.change\",\"v\":1}");
  }

  @Test
  void escapesOnlyQuotesBackslashesAndControlCharacters() {
    String canonical = entry(1, Events.change("\"quoted\" \\ new\nline\ttab \u0001 é ✓ 😀"));

    assertThat(canonical).contains("\"reason\":\"\\\"quoted\\\" \\\\ new\\nline\\ttab \\u0001 "
        + "é ✓ 😀\"");
  }

  @Test
  void writesMoneyAsADecimalStringWithoutTrailingZerosAndEntitiesByName() {
    String canonical = entry(1, Events.served("acme", "r1", "chat@1"));

    assertThat(canonical)
        .contains("\"costUsd\":\"0.0042\"")
        .contains("\"entities\":{\"EMAIL_ADDRESS\":2,\"PERSON\":1}")
        .contains("\"requestDigest\":\"" + Sha256.ofUtf8("prompt of r1").hex() + "\"");
  }

  @Test
  void decodesBackToTheSameEventAndBytes() {
    for (AuditEvent event : new AuditEvent[] {Events.served("acme", "r1", "chat@1"),
        Events.refused("globex", "r2"), Events.change("why")}) {
      String canonical = entry(7, event);

      AuditCodec.Decoded decoded = AuditCodec.decode(canonical);

      assertThat(decoded.event()).isEqualTo(event);
      assertThat(decoded.sequence()).isEqualTo(7);
      assertThat(decoded.timestamp()).isEqualTo(TS);
    }
  }

  @Test
  void refusesAnyNonCanonicalSpellingOfAValidEntry() {
    String canonical = entry(1, Events.change("why"));

    assertThatThrownBy(() -> AuditCodec.decode(canonical.replace(",\"seq\"", ", \"seq\"")))
        .hasMessage("entry is not in canonical form");
    assertThatThrownBy(() -> AuditCodec.decode(canonical.replace("\"why\"", "\"wh\\u0079\"")))
        .hasMessage("entry is not in canonical form");
    assertThatThrownBy(() -> AuditCodec.decode(canonical.replace("\"v\":1}",
        "\"v\":1,\"extra\":0}"))).hasMessage("entry has an unexpected field");
  }

  @Test
  void chainsAsSha256OfThePreviousHashFollowedByTheCanonicalBytes() throws Exception {
    String canonical = entry(2, Events.change("why"));
    Sha256 previous = Sha256.ofUtf8("event 1");

    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(HexFormat.of().parseHex(previous.hex()));
    byte[] expected = sha.digest(canonical.getBytes(StandardCharsets.UTF_8));

    assertThat(AuditCodec.chain(previous, canonical).hex())
        .isEqualTo(HexFormat.of().formatHex(expected));
  }

  @Test
  void eventsRefuseInvalidUnicodeOverlongTextAndNegativeCost() {
    assertThatThrownBy(() -> Events.change("broken \uD800 surrogate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason is not valid Unicode (unpaired surrogate)");
    assertThatThrownBy(() -> Events.change("x".repeat(2001)))
        .hasMessage("reason is 2001 characters; at most 2000 are kept in the audit log");
    RequestServed served = Events.served("acme", "r1", "chat@1");
    assertThatThrownBy(() -> new RequestServed(served.tenant(), "r1", "chat@1",
        served.placement(), "local", served.reasons(), served.entityCounts(),
        served.requestDigest(), served.responseDigest(), new BigDecimal("-0.01"), 200))
        .hasMessage("costUsd must not be negative");
  }
}
