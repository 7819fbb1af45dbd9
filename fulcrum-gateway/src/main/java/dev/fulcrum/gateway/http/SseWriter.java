package dev.fulcrum.gateway.http;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;

/**
 * Writes a chunk stream to the client as server-sent events with backpressure end to end.
 *
 * <p>Demand is granted {@value #BATCH} chunks at a time and renewed only once the socket's write
 * queue has room, so a slow client pauses the upstream. Events that arrive in the same
 * event-loop turn (an upstream read usually carries several) are coalesced into one write, and
 * the headers go out with the first one. Every signal is handled on the response's own context.
 * A client that disconnects cancels the subscription, which aborts the upstream call. The
 * usage-only chunk is forwarded only when the caller asked for it
 * ({@code stream_options.include_usage}).
 */
final class SseWriter implements Flow.Subscriber<ChatChunk> {
  private static final int BATCH = 16;
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

  private final RoutingContext ctx;
  private final HttpServerResponse response;
  private final Context context;
  private final boolean includeUsage;
  private Flow.Subscription subscription;
  private Buffer pending;
  private boolean flushScheduled;
  private int consumed;

  SseWriter(RoutingContext ctx, boolean includeUsage) {
    this.ctx = ctx;
    this.response = ctx.response();
    this.context = Vertx.currentContext();
    this.includeUsage = includeUsage;
  }

  /** Sets the SSE headers; they are sent with the first event. Call before subscribing. */
  void begin() {
    response.setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache")
        .putHeader("x-accel-buffering", "no");
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    onContext(() -> {
      subscription = s;
      response.closeHandler(closed -> s.cancel());
      response.exceptionHandler(error -> s.cancel());
      s.request(BATCH);
    });
  }

  @Override
  public void onNext(ChatChunk chunk) {
    onContext(() -> {
      consumed++;
      if (response.closed()) {
        subscription.cancel();
        return;
      }
      if (!chunk.usageOnly() || includeUsage) {
        append(DATA).appendBytes(chunk.toBytes()).appendBytes(END);
      }
      if (!flushScheduled) {
        flushScheduled = true;
        context.runOnContext(v -> flush());
      }
    });
  }

  @Override
  public void onComplete() {
    onContext(() -> finish(append(DONE)));
  }

  @Override
  public void onError(Throwable error) {
    onContext(() -> {
      ApiError mapped = ErrorMapper.map(error, Exchange.requestId(ctx));
      finish(append(DATA).appendBytes(Json.bytes(mapped.toJson())).appendBytes(END));
    });
  }

  private Buffer append(byte[] bytes) {
    if (pending == null) {
      pending = Buffer.buffer(256);
    }
    return pending.appendBytes(bytes);
  }

  private void flush() {
    flushScheduled = false;
    if (response.ended() || response.closed()) {
      return;
    }
    if (pending != null) {
      response.write(pending);
      pending = null;
    }
    int granted = consumed;
    consumed = 0;
    if (granted == 0) {
      return;
    }
    if (response.writeQueueFull()) {
      response.drainHandler(drained -> subscription.request(granted));
    } else {
      subscription.request(granted);
    }
  }

  private void finish(Buffer last) {
    pending = null;
    if (!response.closed() && !response.ended()) {
      response.end(last);
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
