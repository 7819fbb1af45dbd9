package dev.fulcrum.dataplane.privacy.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.dataplane.privacy.sanitize.Rehydrator;
import dev.fulcrum.dataplane.privacy.sanitize.StreamingRehydrator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * Restores placeholders in a stream's content deltas, one rehydrator per choice, so a
 * placeholder split across chunks comes out whole. A choice's held-back tail is released with
 * its finishing chunk (or appended as a last chunk when the stream ends without one). Chunks keep
 * their shape; a chunk whose whole delta is held back goes out with empty content.
 */
final class RehydratingStream implements Flow.Publisher<ChatChunk> {
  private final Flow.Publisher<ChatChunk> source;
  private final Rehydrator rehydrator;

  RehydratingStream(Flow.Publisher<ChatChunk> source, Rehydrator rehydrator) {
    this.source = source;
    this.rehydrator = rehydrator;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
    source.subscribe(new Flow.Subscriber<>() {
      private final Map<Integer, StreamingRehydrator> choices = new HashMap<>();
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
          JsonNode delta = choice.path("delta");
          boolean finishing = choice.path("finish_reason").isTextual();
          if (!(delta instanceof ObjectNode d)) {
            continue;
          }
          StreamingRehydrator stream = choices.computeIfAbsent(index, i -> rehydrator.streaming());
          String text = d.path("content").isTextual() ? stream.push(d.get("content").asText())
              : "";
          if (finishing) {
            text += stream.finish();
            choices.remove(index);
          }
          if (d.path("content").isTextual() || !text.isEmpty()) {
            d.put("content", text);
            changed = true;
          }
        }
        return changed ? ChatChunk.of(copy) : chunk;
      }

      /** Text still held back for choices whose stream ended without a finishing chunk. */
      private ChatChunk leftovers() {
        if (choices.isEmpty() || lastChunk == null) {
          return null;
        }
        ObjectNode tail = lastChunk.json().deepCopy();
        tail.remove("usage");
        var array = tail.putArray("choices");
        choices.forEach((index, stream) -> {
          String rest = stream.finish();
          if (!rest.isEmpty()) {
            ObjectNode choice = array.addObject();
            choice.put("index", index);
            choice.putObject("delta").put("content", rest);
            choice.putNull("finish_reason");
          }
        });
        choices.clear();
        return array.isEmpty() ? null : ChatChunk.of(tail);
      }
    });
  }
}
