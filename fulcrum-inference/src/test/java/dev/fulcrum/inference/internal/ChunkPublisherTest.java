package dev.fulcrum.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ChunkPublisherTest {

  /** Records what the publisher asks of its source. */
  static final class Source implements ChunkPublisher.Source {
    final List<String> calls = new ArrayList<>();

    @Override
    public void pause() {
      calls.add("pause");
    }

    @Override
    public void resume() {
      calls.add("resume");
    }

    @Override
    public void cancel() {
      calls.add("cancel");
    }
  }

  /** A subscriber that requests only what the test tells it to. */
  static final class Probe implements Flow.Subscriber<Integer> {
    final List<Integer> items = new ArrayList<>();
    Flow.Subscription subscription;
    Throwable error;
    boolean completed;
    int subscriptions;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      subscriptions++;
    }

    @Override
    public void onNext(Integer item) {
      items.add(item);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onComplete() {
      completed = true;
    }
  }

  @Test
  void deliversOnlyWhatWasRequested() {
    var publisher = new ChunkPublisher<Integer>(new Source(), 100);
    var probe = new Probe();
    publisher.subscribe(probe);
    for (int i = 0; i < 5; i++) {
      publisher.emit(i);
    }
    assertThat(probe.items).isEmpty();

    probe.subscription.request(2);
    assertThat(probe.items).containsExactly(0, 1);
    probe.subscription.request(10);
    assertThat(probe.items).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void pausesTheSourceAtHighWaterAndResumesOnceDrained() {
    var source = new Source();
    var publisher = new ChunkPublisher<Integer>(source, 4);
    var probe = new Probe();
    publisher.subscribe(probe);
    for (int i = 0; i < 4; i++) {
      publisher.emit(i);
    }
    assertThat(source.calls).containsExactly("pause");

    probe.subscription.request(3);
    assertThat(source.calls).containsExactly("pause", "resume");
  }

  @Test
  void completesOnlyAfterQueuedItemsAreDelivered() {
    var publisher = new ChunkPublisher<Integer>(new Source(), 10);
    var probe = new Probe();
    publisher.subscribe(probe);
    publisher.emit(1);
    publisher.complete();
    assertThat(probe.completed).isFalse();

    probe.subscription.request(1);
    assertThat(probe.items).containsExactly(1);
    assertThat(probe.completed).isTrue();
  }

  @Test
  void deliversQueuedItemsBeforeAnError() {
    var publisher = new ChunkPublisher<Integer>(new Source(), 10);
    var probe = new Probe();
    publisher.subscribe(probe);
    publisher.emit(1);
    publisher.fail(new IllegalStateException("upstream broke"));
    probe.subscription.request(5);

    assertThat(probe.items).containsExactly(1);
    assertThat(probe.error).hasMessage("upstream broke");
  }

  @Test
  void cancelStopsDeliveryAndCancelsTheSourceOnce() {
    var source = new Source();
    var publisher = new ChunkPublisher<Integer>(source, 10);
    var probe = new Probe();
    publisher.subscribe(probe);
    publisher.emit(1);
    probe.subscription.cancel();
    probe.subscription.cancel();
    probe.subscription.request(5);
    publisher.emit(2);

    assertThat(probe.items).isEmpty();
    assertThat(source.calls).containsExactly("cancel");
    assertThat(publisher.isCancelled()).isTrue();
  }

  @Test
  void rejectsASecondSubscriber() {
    var publisher = new ChunkPublisher<Integer>(new Source(), 10);
    publisher.subscribe(new Probe());
    var second = new Probe();
    publisher.subscribe(second);
    assertThat(second.error).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void treatsANonPositiveRequestAsAnError() {
    var publisher = new ChunkPublisher<Integer>(new Source(), 10);
    var probe = new Probe();
    publisher.subscribe(probe);
    probe.subscription.request(0);
    assertThat(probe.error).isInstanceOf(IllegalArgumentException.class);
  }
}
