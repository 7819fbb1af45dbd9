package dev.fulcrum.dataplane.privacy.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.dataplane.privacy.sanitize.Rehydrator;
import dev.fulcrum.dataplane.privacy.sanitize.StreamingRehydrator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;

/**
 * Restores placeholders in a stream's deltas: the content of each choice, and the arguments of
 * each of its tool calls (JSON text, so originals are escaped as string content), each fed to
 * its own streaming rehydrator so a placeholder split across chunks comes out whole. What a
 * choice holds back is released with its finishing chunk (or in one last chunk when the stream
 * ends without one); a tool call's rest goes out as a {@code tool_calls} delta of the same index,
 * which clients append to that call's arguments. Chunks keep their shape; a chunk whose whole
 * content is held back goes out with empty content.
 */
final class RehydratingStream implements Flow.Publisher<ChatChunk> {
  private final Flow.Publisher<ChatChunk> source;
  private final Rehydrator rehydrator;

  RehydratingStream(Flow.Publisher<ChatChunk> source, Rehydrator rehydrator) {
    this.source = source;
    this.rehydrator = rehydrator;
  }

  /** One tool call of one choice, as a stream's deltas number them. */
  private record ToolCall(int choice, int index) {}

  @Override
  public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
    source.subscribe(new Flow.Subscriber<>() {
      private final Map<Integer, StreamingRehydrator> contents = new TreeMap<>();
      private final Map<ToolCall, StreamingRehydrator> arguments = new LinkedHashMap<>();
      private ChatChunk lastChunk;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(ChatChunk chunk) {
        lastChunk = chunk;
        subscriber.onNext(restore(chunk));
      }

      @Override
      public void onError(Throwable error) {
        subscriber.onError(error);
      }

      @Override
      public void onComplete() {
        ChatChunk tail = leftovers();
        if (tail != null) {
          subscriber.onNext(tail);
        }
        subscriber.onComplete();
      }

      private ChatChunk restore(ChatChunk chunk) {
        ObjectNode copy = chunk.json().deepCopy();
        boolean changed = false;
        for (JsonNode choice : copy.withArray("choices")) {
          int index = choice.path("index").asInt(0);
          if (!(choice.path("delta") instanceof ObjectNode delta)) {
            continue;
          }
          boolean finishing = choice.path("finish_reason").isTextual();
          StreamingRehydrator content = contents.computeIfAbsent(index,
              i -> rehydrator.streaming());
          String text = delta.path("content").isTextual()
              ? content.push(delta.get("content").asText()) : "";
          changed |= restoreArguments(index, delta);
          if (finishing) {
            text += content.finish();
            contents.remove(index);
            changed |= releaseArguments(index, delta);
          }
          if (delta.path("content").isTextual() || !text.isEmpty()) {
            delta.put("content", text);
            changed = true;
          }
        }
        return changed ? ChatChunk.of(copy) : chunk;
      }

      /** Feeds each tool call fragment of {@code delta} to its call's rehydrator. */
      private boolean restoreArguments(int choice, ObjectNode delta) {
        boolean changed = false;
        for (JsonNode call : delta.path("tool_calls")) {
          if (call.path("function") instanceof ObjectNode function
              && function.path("arguments").isTextual()) {
            StreamingRehydrator stream = arguments.computeIfAbsent(
                new ToolCall(choice, call.path("index").asInt(0)),
                key -> rehydrator.streamingInJson());
            function.put("arguments", stream.push(function.get("arguments").asText()));
            changed = true;
          }
        }
        return changed;
      }

      /** Adds what the tool calls of {@code choice} still hold back to {@code delta}. */
      private boolean releaseArguments(int choice, ObjectNode delta) {
        boolean changed = false;
        var calls = arguments.entrySet().iterator();
        while (calls.hasNext()) {
          var call = calls.next();
          if (call.getKey().choice() != choice) {
            continue;
          }
          String rest = call.getValue().finish();
          calls.remove();
          if (!rest.isEmpty()) {
            ArrayNode toolCalls = delta.path("tool_calls") instanceof ArrayNode existing
                ? existing : delta.putArray("tool_calls");
            toolCalls.addObject().put("index", call.getKey().index())
                .putObject("function").put("arguments", rest);
            changed = true;
          }
        }
        return changed;
      }

      /** What is still held back for choices whose stream ended without a finishing chunk. */
      private ChatChunk leftovers() {
        if ((contents.isEmpty() && arguments.isEmpty()) || lastChunk == null) {
          return null;
        }
        Map<Integer, ObjectNode> deltas = new TreeMap<>();
        contents.forEach((index, stream) -> {
          String rest = stream.finish();
          if (!rest.isEmpty()) {
            deltas.computeIfAbsent(index, i -> Json.object()).put("content", rest);
          }
        });
        contents.clear();
        for (ToolCall call : List.copyOf(arguments.keySet())) {
          ObjectNode delta = Json.object();
          if (releaseArguments(call.choice(), delta)) {
            ObjectNode into = deltas.computeIfAbsent(call.choice(), i -> Json.object());
            ArrayNode toolCalls = into.path("tool_calls") instanceof ArrayNode existing
                ? existing : into.putArray("tool_calls");
            toolCalls.addAll((ArrayNode) delta.get("tool_calls"));
          }
        }
        if (deltas.isEmpty()) {
          return null;
        }
        ObjectNode tail = lastChunk.json().deepCopy();
        tail.remove("usage");
        ArrayNode array = tail.putArray("choices");
        deltas.forEach((index, delta) -> {
          ObjectNode choice = array.addObject();
          choice.put("index", index);
          choice.set("delta", delta);
          choice.putNull("finish_reason");
        });
        return ChatChunk.of(tail);
      }
    });
  }
}
