package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.error.FulcrumException;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** Passes a stream through, telling {@code onFailure} when it fails after it was accepted. */
final class ObservedStream implements Flow.Publisher<ChatChunk> {
  private final Flow.Publisher<ChatChunk> source;
  private final Consumer<FulcrumException> onFailure;

  ObservedStream(Flow.Publisher<ChatChunk> source, Consumer<FulcrumException> onFailure) {
    this.source = source;
    this.onFailure = onFailure;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
    source.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(ChatChunk item) {
        subscriber.onNext(item);
      }

      @Override
      public void onError(Throwable error) {
        if (error instanceof FulcrumException fulcrum) {
          onFailure.accept(fulcrum);
        }
        subscriber.onError(error);
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
      }
    });
  }
}
