package dev.fulcrum.inference.simulated;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.inference.internal.ChunkPublisher;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Emits a simulated answer one token per chunk at the configured rate, pausing when the
 * subscriber is slow. Chunks follow the OpenAI order: role, content deltas, finish reason, and
 * a usage-only chunk when asked.
 */
final class SimulatedStream implements ChunkPublisher.Source {
  private final Vertx vertx;
  private final ObjectNode template;
  private final SimulatedAnswer answer;
  private final long perTokenMillis;
  private final boolean includeUsage;
  private final ChunkPublisher<ChatChunk> publisher;
  private int next;
  private boolean paused;
  private boolean cancelled;
  private boolean timerPending;
  private boolean running;

  SimulatedStream(Vertx vertx, ObjectNode template, SimulatedAnswer answer, Duration perToken,
      boolean includeUsage) {
    this.vertx = vertx;
    this.template = template;
    this.answer = answer;
    this.perTokenMillis = perToken.toMillis();
    this.includeUsage = includeUsage;
    this.publisher = new ChunkPublisher<>(this, 16);
  }

  ChunkPublisher<ChatChunk> start() {
    publisher.emit(chunk(delta -> delta.put("role", "assistant").put("content", ""), null));
    produce();
    return publisher;
  }

  @Override
  public synchronized void pause() {
    paused = true;
  }

  @Override
  public synchronized void resume() {
    paused = false;
    if (!timerPending && !running) {
      produce();
    }
  }

  @Override
  public synchronized void cancel() {
    cancelled = true;
  }

  private synchronized void produce() {
    running = true;
    try {
      while (!paused && !cancelled && next <= answer.tokens().size()) {
        emitNext();
        if (perTokenMillis > 0 && next <= answer.tokens().size()) {
          timerPending = true;
          vertx.setTimer(perTokenMillis, id -> {
            synchronized (this) {
              timerPending = false;
            }
            produce();
          });
          return;
        }
      }
    } finally {
      running = false;
    }
  }

  private void emitNext() {
    if (next < answer.tokens().size()) {
      String token = answer.tokens().get(next++);
      publisher.emit(chunk(delta -> delta.put("content", token), null));
      return;
    }
    next++;
    publisher.emit(chunk(delta -> { }, answer.finishReason()));
    if (includeUsage) {
      ObjectNode usage = template.deepCopy();
      usage.putArray("choices");
      usage.set("usage", new Usage(answer.promptTokens(), answer.tokens().size()).toJson());
      publisher.emit(ChatChunk.fromJson(usage, template.path("model").asText()));
    }
    publisher.complete();
  }

  private ChatChunk chunk(java.util.function.Consumer<ObjectNode> fillDelta, String finish) {
    ObjectNode json = template.deepCopy();
    ObjectNode choice = json.putArray("choices").addObject();
    choice.put("index", 0);
    fillDelta.accept(choice.putObject("delta"));
    choice.putNull("logprobs");
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return ChatChunk.of(json);
  }
}
