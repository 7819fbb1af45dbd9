package dev.fulcrum.dataplane.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.sanitize.Rehydrator;
import dev.fulcrum.dataplane.privacy.sanitize.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RehydratingStreamTest {
  private static final String SENT = "Hi <PERSON_1>, mail <EMAIL_ADDRESS_1> or <PERSON_1>. <b>ok</b>";
  private static final String RESTORED = "Hi Jane Doe, mail jane@example.com or Jane Doe. <b>ok</b>";

  private Rehydrator rehydrator;

  @BeforeEach
  void fillVault() {
    Vault vault = Vault.create();
    vault.placeholderFor(EntityType.PERSON, "Jane Doe");
    vault.placeholderFor(EntityType.EMAIL_ADDRESS, "jane@example.com");
    rehydrator = Rehydrator.of(vault);
  }

  /** A chunk with one choice: its content delta and finish reason (either may be null). */
  private static ChatChunk chunk(int choice, String content, String finish) {
    ObjectNode json = Json.object();
    json.put("id", "c").put("object", "chat.completion.chunk");
    ObjectNode c = json.putArray("choices").addObject();
    c.put("index", choice);
    ObjectNode delta = c.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    c.put("finish_reason", finish);
    return ChatChunk.of(json);
  }

  /** {@code text} cut into pieces of {@code size} chars, as an upstream might stream it. */
  private static List<ChatChunk> pieces(int choice, String text, int size) {
    List<ChatChunk> chunks = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      chunks.add(chunk(choice, text.substring(i, Math.min(text.length(), i + size)), null));
    }
    return chunks;
  }

  /** Everything the client receives, chunk by chunk. */
  private List<JsonNode> received(List<ChatChunk> upstream) {
    List<JsonNode> out = new ArrayList<>();
    new RehydratingStream(subscriber -> {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      upstream.forEach(subscriber::onNext);
      subscriber.onComplete();
    }, rehydrator).subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {}

      @Override
      public void onNext(ChatChunk item) {
        out.add(item.json());
      }

      @Override
      public void onError(Throwable throwable) {
        throw new AssertionError(throwable);
      }

      @Override
      public void onComplete() {}
    });
    return out;
  }

  private static String text(List<JsonNode> chunks, int choice) {
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : chunks) {
      for (JsonNode c : chunk.path("choices")) {
        if (c.path("index").asInt() == choice) {
          text.append(c.path("delta").path("content").asText(""));
        }
      }
    }
    return text.toString();
  }

  /** A chunk with one choice whose delta holds one fragment of tool call {@code call}'s arguments. */
  private static ChatChunk toolCall(int choice, int call, String arguments) {
    ObjectNode json = chunk(choice, null, null).json().deepCopy();
    ObjectNode delta = (ObjectNode) json.path("choices").get(0).path("delta");
    delta.putNull("content");
    ObjectNode fragment = delta.putArray("tool_calls").addObject().put("index", call);
    fragment.putObject("function").put("arguments", arguments);
    return ChatChunk.of(json);
  }

  /** Tool call {@code call}'s arguments as a client assembles them: its fragments appended. */
  private static String arguments(List<JsonNode> chunks, int choice, int call) {
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : chunks) {
      for (JsonNode c : chunk.path("choices")) {
        if (c.path("index").asInt() != choice) {
          continue;
        }
        for (JsonNode fragment : c.path("delta").path("tool_calls")) {
          if (fragment.path("index").asInt() == call) {
            text.append(fragment.path("function").path("arguments").asText(""));
          }
        }
      }
    }
    return text.toString();
  }

  @Test
  void restoresToolCallArgumentsSplitAcrossChunksAsValidJson() throws Exception {
    Vault vault = Vault.create();
    vault.placeholderFor(EntityType.PERSON, "Dana \"D\" O'Neil\\");
    vault.placeholderFor(EntityType.EMAIL_ADDRESS, "dana@example.com");
    rehydrator = Rehydrator.of(vault);
    String first = "{\"to\":\"<EMAIL_ADDRESS_1>\",\"greeting\":\"Dear <PERSON_1>\"}";
    String second = "{\"x\":\"<PERSON_1>\"}";
    for (int size = 1; size <= first.length(); size++) {
      // the two calls' fragments interleaved: the first in pieces of size, the second by char
      List<ChatChunk> upstream = new ArrayList<>();
      for (int i = 0; i * size < first.length() || i < second.length(); i++) {
        if (i * size < first.length()) {
          upstream.add(toolCall(0, 0, first.substring(i * size,
              Math.min(first.length(), (i + 1) * size))));
        }
        if (i < second.length()) {
          upstream.add(toolCall(0, 1, second.substring(i, i + 1)));
        }
      }
      upstream.add(chunk(0, null, "tool_calls"));

      List<JsonNode> client = received(upstream);

      JsonNode args = Json.MAPPER.readTree(arguments(client, 0, 0));
      assertThat(args.path("to").asText()).as("chunks of %d chars", size)
          .isEqualTo("dana@example.com");
      assertThat(args.path("greeting").asText()).isEqualTo("Dear Dana \"D\" O'Neil\\");
      assertThat(Json.MAPPER.readTree(arguments(client, 0, 1)).path("x").asText())
          .isEqualTo("Dana \"D\" O'Neil\\");
      assertThat(text(client, 0)).isEmpty();
      assertThat(client).as("one chunk out per chunk in").hasSize(upstream.size());
    }
  }

  @Test
  void releasesAToolCallsHeldBackTailWhenTheStreamEndsWithoutAFinishingChunk() {
    List<ChatChunk> upstream = List.of(toolCall(0, 2, "{\"to\":\"<PERSON_1>\",\"cc\":\"<PERS"),
        chunk(0, "done <EMA", null));

    List<JsonNode> client = received(upstream);

    assertThat(arguments(client, 0, 2)).isEqualTo("{\"to\":\"Jane Doe\",\"cc\":\"<PERS");
    assertThat(text(client, 0)).isEqualTo("done <EMA");
    assertThat(client).hasSize(upstream.size() + 1);
    JsonNode last = client.getLast().path("choices");
    assertThat(last).hasSize(1);
    assertThat(last.get(0).path("delta").path("tool_calls").get(0).path("index").asInt())
        .isEqualTo(2);
  }

  @Test
  void restoresPlaceholdersSplitAcrossChunksOfEverySize() {
    for (int size = 1; size <= SENT.length(); size++) {
      List<ChatChunk> upstream = pieces(0, SENT, size);
      upstream.add(chunk(0, null, "stop"));

      List<JsonNode> client = received(upstream);

      assertThat(text(client, 0)).as("chunks of %d chars", size).isEqualTo(RESTORED);
      assertThat(client).as("one chunk out per chunk in").hasSize(upstream.size());
      assertThat(client.getLast().path("choices").get(0).path("finish_reason").asText())
          .isEqualTo("stop");
    }
  }

  @Test
  void releasesAHeldBackTailWhenTheStreamEndsWithoutAFinishingChunk() {
    List<ChatChunk> upstream = pieces(0, "Hi <PERSON_1> and <PERS", 4);

    List<JsonNode> client = received(upstream);

    assertThat(text(client, 0)).isEqualTo("Hi Jane Doe and <PERS");
    assertThat(client).hasSize(upstream.size() + 1);
  }

  @Test
  void keepsEachChoiceSeparateWhenChoicesInterleave() {
    List<ChatChunk> upstream = new ArrayList<>();
    List<ChatChunk> first = pieces(0, SENT, 3);
    List<ChatChunk> second = pieces(1, "<EMAIL_ADDRESS_1> then <PERSON_1>", 5);
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i < first.size()) {
        upstream.add(first.get(i));
      }
      if (i < second.size()) {
        upstream.add(second.get(i));
      }
    }
    upstream.add(chunk(0, null, "stop"));
    upstream.add(chunk(1, null, "length"));

    List<JsonNode> client = received(upstream);

    assertThat(text(client, 0)).isEqualTo(RESTORED);
    assertThat(text(client, 1)).isEqualTo("jane@example.com then Jane Doe");
  }
}
