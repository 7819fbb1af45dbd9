package dev.fulcrum.gateway.http;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Flow;

/**
 * Writes a chunk stream to the client as server-sent events, one chunk at a time: the next
 * chunk is requested only once the socket can take it (backpressure end to end). A client that
 * disconnects cancels the subscription, which aborts the upstream call.
 *
 * <p>The usage-only chunk is forwarded only when the caller asked for it
 * ({@code stream_options.include_usage}).
 */
final class SseWriter implements Flow.Subscriber<ChatChunk> {
  private static final byte[] DATA = "data: ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final byte[] END = "\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

  private final RoutingContext ctx;
  private final HttpServerResponse response;
  private final boolean includeUsage;
  private Flow.Subscription subscription;

  SseWriter(RoutingContext ctx, boolean includeUsage) {
    this.ctx = ctx;
    this.response = ctx.response();
    this.includeUsage = includeUsage;
  }

  /** Sends the SSE head; call before subscribing. */
  void begin() {
    response.setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache")
        .putHeader("x-accel-buffering", "no");
    response.writeHead();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    response.closeHandler(closed -> s.cancel());
    response.exceptionHandler(error -> s.cancel());
    s.request(1);
  }

  @Override
  public void onNext(ChatChunk chunk) {
    if (response.closed()) {
      subscription.cancel();
      return;
    }
    if (chunk.usageOnly() && !includeUsage) {
      subscription.request(1);
      return;
    }
    Buffer event = Buffer.buffer(DATA).appendBytes(Json.bytes(chunk.json())).appendBytes(END);
    response.write(event);
    if (response.writeQueueFull()) {
      response.drainHandler(drained -> subscription.request(1));
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onComplete() {
    if (!response.closed() && !response.ended()) {
      response.end(DONE);
    }
  }

  @Override
  public void onError(Throwable error) {
    if (response.closed() || response.ended()) {
      return;
    }
    ApiError mapped = ErrorMapper.map(error, Exchange.requestId(ctx));
    response.end(Buffer.buffer(DATA).appendBytes(Json.bytes(mapped.toJson())).appendBytes(END));
  }
}
