package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.dataplane.observe.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes a stream through unchanged while noting what the pipeline needs when it ends: answer
 * length, finish reason, usage, and (only when asked: for shadow comparison, or for the archive)
 * the answer text. Reports the end exactly once: completed, failed, or cancelled by the caller.
 */
final class StreamTap implements Flow.Publisher<ChatChunk> {

  /** What a stream amounted to; {@code digest} is the hex SHA-256 of its text, when asked. */
  record Summary(int chars, String finishReason, Usage usage, String text, String digest) {}

  /** Told once when the stream ends. */
  interface Listener {
    /**
     * The stream ended well; the caller's {@code [DONE]} waits for the returned stage, and if
     * it fails the caller gets that failure instead.
     */
    CompletionStage<Void> completed(Summary summary);

    void failed(FulcrumException error, Summary soFar);

    /** The caller went away first. */
    void cancelled(Summary soFar);
  }

  private final Flow.Publisher<ChatChunk> source;
  private final boolean keepText;
  private final boolean digest;
  private final Listener listener;

  StreamTap(Flow.Publisher<ChatChunk> source, boolean keepText, boolean digest,
      Listener listener) {
    this.source = source;
    this.keepText = keepText;
    this.digest = digest;
    this.listener = listener;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
    source.subscribe(new Tap(subscriber));
  }

  private final class Tap implements Flow.Subscriber<ChatChunk> {
    private final Flow.Subscriber<? super ChatChunk> downstream;
    private final AtomicBoolean reported = new AtomicBoolean();
    private final StringBuilder text = keepText ? new StringBuilder() : null;
    private final MessageDigest hash = digest ? Digests.sha256() : null;
    private int chars;
    private String finishReason = "";
    private Usage usage = new Usage(0, 0);

    Tap(Flow.Subscriber<? super ChatChunk> downstream) {
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      downstream.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          subscription.request(n);
        }

        @Override
        public void cancel() {
          subscription.cancel();
          if (reported.compareAndSet(false, true)) {
            listener.cancelled(summary());
          }
        }
      });
    }

    @Override
    public void onNext(ChatChunk chunk) {
      chunk.content(0).ifPresent(delta -> {
        chars += delta.length();
        if (text != null) {
          text.append(delta);
        }
        if (hash != null) {
          hash.update(delta.getBytes(StandardCharsets.UTF_8));
        }
      });
      var reason = chunk.json().path("choices").path(0).path("finish_reason");
      if (reason.isTextual()) {
        finishReason = reason.asText();
      }
      chunk.usage().ifPresent(u -> usage = u);
      downstream.onNext(chunk);
    }

    @Override
    public void onError(Throwable error) {
      if (reported.compareAndSet(false, true) && error instanceof FulcrumException fulcrum) {
        listener.failed(fulcrum, summary());
      }
      downstream.onError(error);
    }

    @Override
    public void onComplete() {
      if (!reported.compareAndSet(false, true)) {
        downstream.onComplete();
        return;
      }
      listener.completed(summary()).whenComplete((ok, failure) -> {
        if (failure == null) {
          downstream.onComplete();
        } else {
          Throwable cause = failure instanceof CompletionException c && c.getCause() != null
              ? c.getCause() : failure;
          downstream.onError(cause);
        }
      });
    }

    private Summary summary() {
      return new Summary(chars, finishReason, usage, text == null ? "" : text.toString(),
          hash == null ? "" : Digests.hex(hash));
    }
  }
}
