package dev.fulcrum.gateway.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.archive.ArchiveEntry;
import dev.fulcrum.controlplane.archive.ArchiveSummary;
import dev.fulcrum.controlplane.archive.ArchivedRecord;
import dev.fulcrum.controlplane.archive.KeyChange;
import dev.fulcrum.controlplane.archive.RequestArchive;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.store.StoreException;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.observe.AnswerText;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.gateway.metrics.MetricNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ArchiveWriterTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Candidate SERVED = new Candidate(new Route("cloud", "gpt", Price.FREE),
      new BackendInfo("cloud", "fake", Placement.CLOUD, false, false), 0, -1);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeArchive archive = new FakeArchive();

  private ArchiveWriter start(int capacity) {
    return ArchiveWriter.start(archive, meters, InstantSource.fixed(NOW), capacity);
  }

  @Test
  void archivesWhatTheClientSentAndReceivedForEveryCompletedChat() {
    try (ArchiveWriter writer = start(16)) {
      writer.observe(chat("req_1", Operation.CHAT, "mail bob@example.com", "sent to bob"));
      writer.observe(chat("req_2", Operation.CHAT_STREAM, "stream it", "streamed"));
    }

    assertThat(archive.entries).extracting(ArchiveEntry::requestId)
        .containsExactly("req_1", "req_2");
    ArchiveEntry first = archive.entries.getFirst();
    assertThat(first.tenant()).isEqualTo(new Tenant("acme"));
    assertThat(first.createdAt()).isEqualTo(NOW);
    JsonNode document = Json.parseObject(first.content());
    assertThat(document.path("operation").asText()).isEqualTo("chat");
    assertThat(document.path("model").asText()).isEqualTo("chat");
    assertThat(document.path("served_by").asText()).isEqualTo("chat@1");
    assertThat(document.path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(document.path("messages").get(0).path("content").asText())
        .isEqualTo("mail bob@example.com");
    assertThat(document.path("answer").asText()).isEqualTo("sent to bob");
    assertThat(Json.parseObject(archive.entries.get(1).content()).path("operation").asText())
        .isEqualTo("chat_stream");
    assertThat(count("written")).isEqualTo(2);
  }

  @Test
  void skipsEmbeddingsAndFailedRequests() {
    try (ArchiveWriter writer = start(16)) {
      writer.observe(new Outcome.Completed(context("req_e"), Operation.EMBEDDINGS, "embed",
          decision(), SERVED, Duration.ZERO, new Usage(1, 0), null, 0, "stop", false, Map.of(),
          "", ""));
      writer.observe(new Outcome.Failed(context("req_f"), Operation.CHAT, "chat", "chat", "1",
          List.of(), Duration.ZERO, new UpstreamUnavailableException("cloud", 503, "x", null),
          Map.of(), ""));
    }

    assertThat(archive.entries).isEmpty();
    assertThat(count("written") + count("failed") + count("dropped")).isZero();
  }

  @Test
  void aRecordTheStoreRefusesIsCountedAndNeverReachesTheRequest() {
    archive.failure = new StoreException("store operation failed: disk full", null);
    try (ArchiveWriter writer = start(16)) {
      assertThatCode(() -> writer.observe(chat("req_1", Operation.CHAT, "hi", "hello")))
          .doesNotThrowAnyException();
    }

    assertThat(count("failed")).isEqualTo(1);
    assertThat(count("written")).isZero();
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfWaiting() throws InterruptedException {
    archive.hold = new CountDownLatch(1);
    try (ArchiveWriter writer = start(1)) {
      writer.observe(chat("req_1", Operation.CHAT, "hi", "a"));
      assertThat(archive.writing.await(10, TimeUnit.SECONDS)).isTrue(); // req_1 taken
      writer.observe(chat("req_2", Operation.CHAT, "hi", "b")); // queued
      writer.observe(chat("req_3", Operation.CHAT, "hi", "c")); // no room

      assertThat(count("dropped")).isEqualTo(1);
      archive.hold.countDown();
    }

    assertThat(archive.entries).extracting(ArchiveEntry::requestId)
        .containsExactly("req_1", "req_2");
    assertThat(count("written")).isEqualTo(2);
  }

  @Test
  void aRecordHandedOverAfterCloseIsCountedAsDropped() {
    ArchiveWriter writer = start(16);
    writer.close();

    writer.observe(chat("req_late", Operation.CHAT, "hi", "hello"));

    assertThat(archive.entries).isEmpty();
    assertThat(count("dropped")).isEqualTo(1);
  }

  private double count(String outcome) {
    return meters.get(MetricNames.ARCHIVE_RECORDS).tag(MetricNames.Labels.OUTCOME, outcome)
        .counter().count();
  }

  private static Outcome.Completed chat(String id, Operation operation, String prompt,
      String answer) {
    return new Outcome.Completed(context(id), operation, "chat", decision(), SERVED,
        Duration.ofMillis(5), new Usage(3, 2),
        ChatRequest.of("chat", List.of(ChatMessage.of("user", prompt))), answer.length(), "stop",
        false, Map.of(), "", "", new AnswerText(answer));
  }

  private static RequestContext context(String id) {
    return new RequestContext(id, new Tenant("acme"));
  }

  private static Decision.Routed decision() {
    return new Decision.Routed("chat@1", SERVED, List.of(), List.of(), false);
  }

  /** Keeps what is written; can fail every write, or hold the writer inside one. */
  private static final class FakeArchive implements RequestArchive {
    final List<ArchiveEntry> entries = new CopyOnWriteArrayList<>();
    final CountDownLatch writing = new CountDownLatch(1);
    volatile RuntimeException failure;
    volatile CountDownLatch hold;

    @Override
    public void write(List<ArchiveEntry> batch) {
      writing.countDown();
      if (hold != null) {
        try {
          hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failure != null) {
        throw failure;
      }
      entries.addAll(batch);
    }

    @Override
    public Optional<ArchivedRecord> read(String requestId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ArchiveSummary> list(Tenant tenant, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int rotate(Tenant tenant, Change change) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int shred(Tenant tenant, Change change) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onKeyChange(Consumer<? super KeyChange> listener) {
      throw new UnsupportedOperationException();
    }
  }
}
