package dev.fulcrum.dataplane.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ContentPart;
import dev.fulcrum.core.chat.MessageContent;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.Recognizer;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import dev.fulcrum.dataplane.privacy.sanitize.Action;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrivacyGuardTest {
  private static final Tenant TENANT = new Tenant("acme");
  private static final String EMAIL = "jane.doe@example.com";

  private static PrivacyGuard guard(List<Recognizer> recognizers, int inlineChars,
      Executor scanThreads) {
    return new PrivacyGuard(PiiDetector.builder().recognizers(recognizers).build(),
        new PrivacySettings(SanitizationPolicy.of(Action.PSEUDONYMIZE), Duration.ofSeconds(5),
            inlineChars), tenant -> HashKey.of(new byte[32]), scanThreads, InstantSource.system());
  }

  private static PrivacyGuard patterns() {
    return guard(PatternRecognizers.all(), 1 << 20, Runnable::run);
  }

  private static ChatRequest request(ChatMessage... messages) {
    return ChatRequest.of("chat", List.of(messages));
  }

  private static Scan scan(PrivacyGuard guard, ChatRequest request) {
    return guard.scan(request, TENANT).toCompletableFuture().join();
  }

  private static Outbound toCloud(PrivacyGuard guard, ChatRequest request) {
    return guard.prepare(request, scan(guard, request), TENANT, PrivacyLevel.INTERNAL,
        Placement.CLOUD);
  }

  /** The email recognizer, counting the texts it is asked to scan. */
  private static Recognizer counting(AtomicInteger scans) {
    Recognizer email = PatternRecognizers.email();
    return (text, out) -> {
      scans.incrementAndGet();
      email.find(text, out);
    };
  }

  @Test
  void instructionTextsAreScannedOncePerTenantAndUserTextsEveryTime() {
    var scans = new AtomicInteger();
    PrivacyGuard guard = guard(List.of(counting(scans)), 1 << 20, Runnable::run);
    String instructions = "You answer for the support desk; escalate to " + EMAIL + ".";
    ChatRequest first = request(ChatMessage.of("system", instructions),
        ChatMessage.of("user", "where is my parcel?"));
    ChatRequest second = request(ChatMessage.of("developer", instructions),
        ChatMessage.of("user", "where is my parcel?"));

    Scan one = scan(guard, first);
    Scan two = scan(guard, second);
    assertThat(scans).as("the instructions once, the user text twice").hasValue(3);
    assertThat(two.entities(0, 0)).isEqualTo(one.entities(0, 0)).hasSize(1);
    assertThat(two.counts()).isEqualTo(Map.of(EntityType.EMAIL_ADDRESS, 1));
    assertThat(guard.prepare(second, two, TENANT, PrivacyLevel.INTERNAL, Placement.CLOUD)
        .request().messages().getFirst().content().texts())
        .containsExactly("You answer for the support desk; escalate to <EMAIL_ADDRESS_1>.");

    guard.scan(first, new Tenant("globex")).toCompletableFuture().join();
    assertThat(scans).as("another tenant's instructions are its own").hasValue(5);
  }

  @Test
  void aLongInstructionTextIsHashedAndLookedUpOnTheScanThreads() {
    var scans = new AtomicInteger();
    var offLoop = new AtomicInteger();
    Executor scanThreads = task -> {
      offLoop.incrementAndGet();
      task.run();
    };
    PrivacyGuard guard = guard(List.of(counting(scans)), 100, scanThreads);
    String instructions = "Escalate to " + EMAIL + ". " + "Be brief and kind. ".repeat(10);
    ChatRequest request = request(ChatMessage.of("system", instructions),
        ChatMessage.of("user", "hi"));

    Scan one = scan(guard, request);
    Scan two = scan(guard, request);
    assertThat(offLoop).as("longer than the inline limit: both scans off the caller").hasValue(2);
    assertThat(scans).as("the instructions once, the user text twice").hasValue(3);
    assertThat(two.entities(0, 0)).isEqualTo(one.entities(0, 0)).hasSize(1);
  }

  @Test
  void aFailedInstructionScanIsNotKept() {
    var fail = new java.util.concurrent.atomic.AtomicBoolean(true);
    var scans = new AtomicInteger();
    Recognizer email = counting(scans);
    Recognizer flaky = (text, out) -> {
      if (fail.get()) {
        throw new IllegalStateException("bug");
      }
      email.find(text, out);
    };
    PrivacyGuard guard = guard(List.of(flaky), 1 << 20, Runnable::run);
    ChatRequest request = request(ChatMessage.of("system", "Write to " + EMAIL));

    assertThat(scan(guard, request).failed()).isTrue();
    fail.set(false);
    Scan again = scan(guard, request);
    assertThat(again.failed()).isFalse();
    assertThat(again.counts()).isEqualTo(Map.of(EntityType.EMAIL_ADDRESS, 1));
    fail.set(true);
    assertThat(scan(guard, request).failed()).as("now kept: no scan runs").isFalse();
  }

  @Test
  void aFailedScanMayGoNowhereOutsideTheTrustZoneButStaysUsableInsideIt() {
    Recognizer broken = (text, out) -> {
      throw new IllegalStateException("bug");
    };
    PrivacyGuard guard = guard(List.of(broken), 1 << 20, Runnable::run);
    ChatRequest request = request(ChatMessage.of("user", "mail " + EMAIL));
    Scan scan = scan(guard, request);

    assertThat(scan.failed()).isTrue();
    assertThat(scan.clean()).isFalse();
    assertThatThrownBy(() -> guard.prepare(request, scan, TENANT, PrivacyLevel.INTERNAL,
        Placement.CLOUD))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("privacy scan did not complete");
    Outbound local = guard.prepare(request, scan, TENANT, PrivacyLevel.INTERNAL, Placement.LOCAL);
    assertThat(local.sanitized()).isFalse();
    assertThat(local.request()).isSameAs(request);
  }

  @Test
  void aScanTheScanThreadsRefuseFails() {
    Executor full = task -> {
      throw new RejectedExecutionException("queue full");
    };
    PrivacyGuard guard = guard(PatternRecognizers.all(), 0, full);

    assertThat(scan(guard, request(ChatMessage.of("user", "hello"))).failed()).isTrue();
  }

  @Test
  void sanitizesTextPartsAndPassesImagePartsThroughUnchanged() {
    ObjectNode image = Json.object().put("type", "image_url");
    image.putObject("image_url").put("url", "https://img.example.org/cat.png");
    ContentPart imagePart = new ContentPart.Opaque("image_url", image);
    ChatMessage parts = new ChatMessage("user", new MessageContent.Parts(List.of(
        new ContentPart.Text("mail " + EMAIL), imagePart, new ContentPart.Text("again: " + EMAIL))),
        Json.object());
    ChatRequest request = request(ChatMessage.of("system", "be brief"), parts);
    PrivacyGuard guard = patterns();

    Outbound out = toCloud(guard, request);

    assertThat(scan(guard, request).counts()).isEqualTo(Map.of(EntityType.EMAIL_ADDRESS, 2));
    assertThat(out.sanitized()).isTrue();
    var sent = ((MessageContent.Parts) out.request().messages().get(1).content()).parts();
    assertThat(sent.get(0)).isEqualTo(new ContentPart.Text("mail <EMAIL_ADDRESS_1>"));
    assertThat(sent.get(1)).isSameAs(imagePart);
    assertThat(sent.get(2)).isEqualTo(new ContentPart.Text("again: <EMAIL_ADDRESS_1>"));
    assertThat(out.restore("to <EMAIL_ADDRESS_1>")).isEqualTo("to " + EMAIL);
  }

  @Test
  void sanitizesTheArgumentsOfEarlierToolCallsAsValidJson() throws Exception {
    ObjectNode extra = Json.object();
    ObjectNode function = extra.putArray("tool_calls").addObject().put("id", "c1")
        .put("type", "function").putObject("function").put("name", "mail");
    function.put("arguments", Json.object().put("to", EMAIL).put("body", "hi " + EMAIL)
        .put("n", 2).toString());
    ChatRequest request = request(ChatMessage.of("user", "write to " + EMAIL),
        new ChatMessage("assistant", new MessageContent.Text(""), extra));
    PrivacyGuard guard = patterns();

    Outbound out = toCloud(guard, request);

    assertThat(scan(guard, request).counts()).isEqualTo(Map.of(EntityType.EMAIL_ADDRESS, 3));
    String sent = out.request().toJson().toString();
    assertThat(sent).doesNotContain(EMAIL);
    JsonNode arguments = Json.MAPPER.readTree(out.request().messages().get(1).toJson()
        .path("tool_calls").get(0).path("function").path("arguments").asText());
    assertThat(arguments.path("to").asText()).isEqualTo("<EMAIL_ADDRESS_1>");
    assertThat(arguments.path("body").asText()).isEqualTo("hi <EMAIL_ADDRESS_1>");
    assertThat(arguments.path("n").asInt()).isEqualTo(2);
  }

  @Test
  void scansTextWithControlCharactersAndLoneSurrogatesKeepingThem() {
    String text = "\u0000\u0007 " + EMAIL + " \ud800\u001b[0m";
    ChatRequest request = request(ChatMessage.of("user", text));

    Outbound out = toCloud(patterns(), request);

    assertThat(out.request().messages().getFirst().content().texts())
        .containsExactly("\u0000\u0007 <EMAIL_ADDRESS_1> \ud800\u001b[0m");
  }

  @Test
  void leavesPublicRequestsAndTrustedPlacementsRaw() {
    PrivacyGuard guard = patterns();
    ChatRequest request = request(ChatMessage.of("user", "mail " + EMAIL));
    Scan scan = scan(guard, request);

    assertThat(guard.prepare(request, scan, TENANT, PrivacyLevel.PUBLIC, Placement.CLOUD)
        .sanitized()).isFalse();
    assertThat(guard.prepare(request, scan, TENANT, PrivacyLevel.INTERNAL, Placement.PRIVATE)
        .sanitized()).isFalse();
  }
}
