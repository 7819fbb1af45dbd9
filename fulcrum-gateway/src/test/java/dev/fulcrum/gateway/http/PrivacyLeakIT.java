package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.CaptureUpstream;
import dev.fulcrum.gateway.testing.SynthPii;
import dev.fulcrum.gateway.testing.TestGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leak test: every sentence of Presidio's synthetic PII set ({@code synth_dev.json}, 1,004
 * sentences) goes through a real gateway to a CLOUD upstream under the default privacy policy,
 * four times (plain and streamed, one sentence per request and four per conversation), and the
 * {@link CaptureUpstream} keeps every byte it receives. Then the {@link LeakLedger} counts which
 * labelled values reached it and whether the answers (echoes of what the upstream saw, streamed in
 * pieces that split placeholders) came back with the originals restored. Repeated with a scan
 * that always fails: nothing at all may reach the upstream.
 *
 * <p>Seeded: every labelled value of a type the default policy acts on (it pseudonymizes every
 * entity type Fulcrum detects): PERSON; STREET_ADDRESS and GPE as LOCATION; ORGANIZATION; NRP;
 * DATE_TIME; DOMAIN_NAME (which holds URLs) as URL; and the pattern types. Not seeded: TITLE,
 * AGE, ZIP_CODE and US_DRIVER_LICENSE, which Fulcrum has no entity type for (the policy cannot
 * act on them); they are counted separately. The results, and why some values leak, are in
 * {@code bench/results/leak-test.md}.
 */
class PrivacyLeakIT {
  /**
   * The default policy; only the scan budget is raised from 100 ms, so that a loaded CI machine
   * does not fail scans closed (503, nothing sent) and shrink the sample.
   */
  static final String CONFIG = """
      privacy: { scan-budget: 10s }
      backends:
        - { name: cloud, kind: openai, base-url: "${UPSTREAM}", placement: CLOUD }
      models:
        - { name: chat, routes: [ { backend: cloud, model: gpt-4o-mini } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  /** A budget no scan can meet: every scan fails (the last deadline check comes after work). */
  static final String FAILING_SCAN = CONFIG.replace("10s", "0.000001ms");

  /** Synth type → the Fulcrum entity type the default policy replaces it as. */
  static final Map<String, String> SEEDED = Map.ofEntries(
      Map.entry("PERSON", "PERSON"), Map.entry("STREET_ADDRESS", "LOCATION"),
      Map.entry("GPE", "LOCATION"), Map.entry("ORGANIZATION", "ORGANIZATION"),
      Map.entry("NRP", "NRP"), Map.entry("DATE_TIME", "DATE_TIME"),
      Map.entry("DOMAIN_NAME", "URL"), Map.entry("EMAIL_ADDRESS", "EMAIL_ADDRESS"),
      Map.entry("PHONE_NUMBER", "PHONE_NUMBER"), Map.entry("CREDIT_CARD", "CREDIT_CARD"),
      Map.entry("IBAN_CODE", "IBAN_CODE"), Map.entry("US_SSN", "US_SSN"),
      Map.entry("IP_ADDRESS", "IP_ADDRESS"));

  /**
   * The most values of each type that may reach the upstream in one mode (one pass over the
   * 1,004 sentences): what the scan lets through today, explained in
   * {@code bench/results/leak-test.md}. Every other seeded type may leak nothing. Lower these
   * when the detector improves; raise them only with a reason written there.
   */
  static final Map<String, Integer> KNOWN_LEAKS = Map.of(
      "DATE_TIME", 87, // by design: only dates of birth count as personal data
      "PERSON", 29, "GPE", 14, "STREET_ADDRESS", 4, "ORGANIZATION", 33, "NRP", 1, // model recall
      "PHONE_NUMBER", 3); // national formats without a phone word nearby

  /** The four ways a prompt is sent. */
  enum Mode {
    PLAIN_SINGLE(false, 1), STREAM_SINGLE(true, 1), PLAIN_MULTI(false, 4), STREAM_MULTI(true, 4);

    final boolean stream;
    final int promptsPerRequest;

    Mode(boolean stream, int promptsPerRequest) {
      this.stream = stream;
      this.promptsPerRequest = promptsPerRequest;
    }
  }

  private static final String[] ROLES = {"system", "user", "assistant", "user"};
  private static final String IMAGE_URL = "https://img.example.org/chart.png";

  static List<SynthPii.Sample> samples;
  CaptureUpstream upstream;

  @BeforeAll
  static void load() {
    samples = SynthPii.load();
  }

  @BeforeEach
  void startUpstream() {
    upstream = CaptureUpstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  /**
   * One request of {@code prompts}: a single user message, or a conversation of system, user
   * (as parts: the text and an image), assistant and user messages.
   */
  static ObjectNode request(String tag, List<String> prompts, boolean stream) {
    ObjectNode body = Json.object().put("model", "chat").put("user", tag);
    if (stream) {
      body.put("stream", true);
    }
    ArrayNode messages = body.putArray("messages");
    for (int i = 0; i < prompts.size(); i++) {
      ObjectNode message = messages.addObject()
          .put("role", prompts.size() == 1 ? "user" : ROLES[i % ROLES.length]);
      if (prompts.size() > 1 && i % ROLES.length == 1) {
        ArrayNode parts = message.putArray("content");
        parts.addObject().put("type", "text").put("text", prompts.get(i));
        parts.addObject().put("type", "image_url").putObject("image_url").put("url", IMAGE_URL);
      } else {
        message.put("content", prompts.get(i));
      }
    }
    return body;
  }

  /** The answer text: the message content, or the streamed deltas joined. */
  static String answer(HttpResponse<String> response, boolean stream) {
    try {
      if (!stream) {
        return Json.MAPPER.readTree(response.body()).path("choices").path(0).path("message")
            .path("content").asText();
      }
      StringBuilder text = new StringBuilder();
      String[] events = response.body().split("\n\n");
      assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
      for (int i = 0; i < events.length - 1; i++) {
        JsonNode chunk = Json.MAPPER.readTree(events[i].substring("data: ".length()));
        text.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
      }
      return text.toString();
    } catch (IOException e) {
      throw new AssertionError("unreadable answer: " + response.body(), e);
    }
  }

  /** Sends every sample in {@code mode}, one request after the other; returns what was sent. */
  List<Sent> send(TestGateway gateway, Mode mode) {
    List<Sent> sent = new ArrayList<>();
    for (int from = 0; from < samples.size(); from += mode.promptsPerRequest) {
      List<SynthPii.Sample> group = samples.subList(from,
          Math.min(samples.size(), from + mode.promptsPerRequest));
      String tag = "leak-" + mode + "-" + from;
      ObjectNode body = request(tag, group.stream().map(SynthPii.Sample::text).toList(),
          mode.stream);
      var response = gateway.post("/v1/chat/completions", body.toString());
      sent.add(new Sent(tag, mode, group, body, response));
    }
    return sent;
  }

  /** One request as sent, and its answer. */
  record Sent(String tag, Mode mode, List<SynthPii.Sample> group, ObjectNode body,
      HttpResponse<String> response) {
    List<SynthPii.Span> seeded() {
      return group.stream().flatMap(s -> s.spans().stream())
          .filter(span -> SEEDED.containsKey(span.type())).toList();
    }

    List<SynthPii.Span> notSeeded() {
      return group.stream().flatMap(s -> s.spans().stream())
          .filter(span -> !SEEDED.containsKey(span.type())).toList();
    }

    ObjectNode masked() {
      return request(tag, group.stream().map(SynthPii.Sample::masked).toList(), mode.stream);
    }
  }

  @Test
  void noSeededValueReachesTheUpstreamBeyondKnownLeaksAndAnswersComeBackRestored()
      throws IOException {
    Map<Mode, LeakLedger> ledgers = new EnumMap<>(Mode.class);
    LeakLedger outOfScope = new LeakLedger(type -> "(none)", samples);
    try (TestGateway gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl()))) {
      for (Mode mode : Mode.values()) {
        upstream.clear();
        LeakLedger ledger = ledgers.computeIfAbsent(mode, m -> new LeakLedger(SEEDED::get, samples));
        List<Sent> sent = send(gateway, mode);
        for (Sent s : sent) {
          assertThat(s.response().statusCode()).as("%s: %s", s.tag(), s.response().body())
              .isEqualTo(200);
        }
        Map<String, CaptureUpstream.Captured> received = byTag(upstream.captured());
        assertThat(received).as(mode + ": one upstream request per request").hasSize(sent.size());
        for (Sent s : sent) {
          assertPiiHeaderHoldsCountsOnly(s.response());
          CaptureUpstream.Captured got = received.get(s.tag());
          assertFramingHeadersHoldOnlyNumbers(got);
          String expected = CaptureUpstream.echo(s.body().path("messages"));
          String answer = answer(s.response(), mode.stream);
          ledger.account(s.seeded(), s.group().size(), got, s.masked(), answer, expected);
          if (mode == Mode.PLAIN_SINGLE) {
            outOfScope.account(s.notSeeded(), 0, got, s.masked(), answer, expected);
          }
          if (mode.promptsPerRequest > 1) {
            assertImagePartsArriveUnchanged(got);
          }
        }
      }
    }
    String report = report(ledgers, outOfScope);
    System.out.println(report);
    Files.writeString(Path.of("target", "leak-test.md"), report);

    ledgers.forEach((mode, ledger) -> {
      assertThat(ledger.prompts()).as(mode + " prompts").isGreaterThanOrEqualTo(500);
      assertThat(ledger.answersExact()).as(mode + ": answers equal to the echo of the original")
          .isEqualTo(ledger.requests());
      ledger.byType().forEach((type, tally) -> {
        assertThat(tally.leaked).as("%s %s values that reached the upstream: %s", mode, type,
            tally.leakedValues).isLessThanOrEqualTo(KNOWN_LEAKS.getOrDefault(type, 0));
        assertThat(tally.restored).as("%s %s values restored", mode, type)
            .isEqualTo(tally.seeded - tally.leaked);
      });
    });
  }

  @Test
  void whenEveryScanFailsNothingAtAllReachesTheUpstream() {
    int requests = 0;
    try (TestGateway gateway = TestGateway.start(FAILING_SCAN,
        Map.of("UPSTREAM", upstream.baseUrl()))) {
      for (Mode mode : Mode.values()) {
        for (Sent s : send(gateway, mode)) {
          requests++;
          GatewayIT.assertOpenAiError(s.response(), 503, "server_error");
          JsonNode error = GatewayIT.json(s.response()).path("error");
          assertThat(error.path("code").asText()).isEqualTo("privacy_scan_failed");
          assertThat(error.path("message").asText()).contains("the privacy scan failed");
        }
      }
    }
    assertThat(requests).isGreaterThanOrEqualTo(500);
    assertThat(upstream.captured()).isEmpty();
  }

  private static Map<String, CaptureUpstream.Captured> byTag(
      List<CaptureUpstream.Captured> captured) {
    Map<String, CaptureUpstream.Captured> byTag = new java.util.HashMap<>();
    captured.forEach(c -> byTag.put(c.json().path("user").asText(), c));
    return byTag;
  }

  private static void assertPiiHeaderHoldsCountsOnly(HttpResponse<String> response) {
    response.headers().firstValue(FulcrumHeaders.PII).ifPresent(pii -> {
      assertThat(pii).matches("[A-Z_]+=\\d+(, [A-Z_]+=\\d+)*");
      assertThat(response.headers().firstValue(FulcrumHeaders.SANITIZED)).hasValue("true");
    });
  }

  private static void assertFramingHeadersHoldOnlyNumbers(CaptureUpstream.Captured got) {
    assertThat(got.head().lines().filter(line -> line.toLowerCase().startsWith("host: ")
        || line.toLowerCase().startsWith("content-length: ")))
        .allMatch(line -> line.matches("(?i)(host: 127\\.0\\.0\\.1:\\d+|content-length: \\d+)"));
  }

  private static void assertImagePartsArriveUnchanged(CaptureUpstream.Captured got) {
    for (JsonNode message : got.json().path("messages")) {
      for (JsonNode part : message.path("content")) {
        if (part.path("type").asText().equals("image_url")) {
          assertThat(part).isEqualTo(Json.object().put("type", "image_url")
              .set("image_url", Json.object().put("url", IMAGE_URL)));
        }
      }
    }
  }

  private static String report(Map<Mode, LeakLedger> ledgers, LeakLedger outOfScope) {
    StringBuilder out = new StringBuilder("| mode | requests | prompts | seeded values | leaked "
        + "whole | partly leaked | restored | answers exact |\n|---|---:|---:|---:|---:|---:|---:|"
        + "---:|\n");
    ledgers.forEach((mode, l) -> out.append(String.format(Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d / %d | %d / %d |%n", mode, l.requests(), l.prompts(),
        l.total(t -> t.seeded), l.total(t -> t.leaked), l.total(t -> t.partlyLeaked),
        l.total(t -> t.restored), l.total(t -> t.seeded - t.leaked), l.answersExact(),
        l.requests())));
    LeakLedger first = ledgers.get(Mode.PLAIN_SINGLE);
    boolean same = ledgers.values().stream().allMatch(l -> l.byType().keySet().stream()
        .allMatch(type -> l.byType().get(type).leakedValues
            .equals(first.byType().get(type).leakedValues)));
    out.append("\nPer type, ").append(Mode.PLAIN_SINGLE).append(" (the same values leaked in ")
        .append(same ? "every mode" : "NOT every mode: see the totals").append("):\n\n")
        .append(first.table());
    first.byType().forEach((type, t) -> {
      if (!t.leakedValues.isEmpty()) {
        out.append("\n").append(type).append(" leaked whole: ")
            .append(new TreeSet<>(t.leakedValues)).append('\n');
      }
      if (!t.partlyLeakedValues.isEmpty()) {
        out.append("\n").append(type).append(" leaked in part (value → words that reached the "
            + "upstream): ").append(t.partlyLeakedValues).append('\n');
      }
    });
    out.append("\nNot seeded (Fulcrum has no entity type for these), ").append(Mode.PLAIN_SINGLE)
        .append(":\n\n").append(outOfScope.table());
    return out.toString();
  }
}
