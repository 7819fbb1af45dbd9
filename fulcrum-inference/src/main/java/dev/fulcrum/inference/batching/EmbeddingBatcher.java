package dev.fulcrum.inference.batching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.embedding.EncodingFormat;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@link BatchingEmbeddingBackend}: one batcher of texts per upstream model and options. */
final class EmbeddingBatcher implements BatchingEmbeddingBackend {
  private final EmbeddingBackend delegate;
  private final BatchSettings settings;
  private final Scheduler scheduler;
  private final KeyedBatchers<String, Row> batchers = new KeyedBatchers<>();

  EmbeddingBatcher(EmbeddingBackend delegate, BatchSettings settings, Scheduler scheduler) {
    this.delegate = delegate;
    this.settings = settings;
    this.scheduler = scheduler;
  }

  @Override
  public BackendInfo info() {
    return delegate.info();
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return embed(request, Deadline.in(settings.sla()));
  }

  @Override
  public CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request, Deadline deadline) {
    return KeyedBatchers.guard(name(), () -> {
      ObjectNode options = request.options().deepCopy();
      options.remove("user");
      String key = options.isEmpty() ? request.model() : request.model() + " " + options;
      Optional<AdaptiveBatcher<String, Row>> batcher = batchers.get(key, () ->
          Batching.batcher(name(), settings, scheduler, texts -> run(request.model(), options,
              texts)));
      if (batcher.isEmpty()) {
        return delegate.embed(request);
      }
      CompletableFuture<List<Row>> rows =
          batcher.get().submitAll(request.inputs(), deadline).toCompletableFuture();
      CompletableFuture<EmbeddingResponse> response = rows.thenApply(this::response);
      // thenApply does not pass cancellation upstream; withdraw the queued inputs ourselves
      response.whenComplete((value, error) -> {
        if (response.isCancelled()) {
          rows.cancel(false);
        }
      });
      return response;
    });
  }

  @Override
  public Map<String, BatcherStats> stats() {
    return batchers.stats();
  }

  @Override
  public void close() {
    batchers.close();
    delegate.close();
  }

  private CompletionStage<List<Row>> run(String model, ObjectNode options, List<String> texts) {
    EmbeddingRequest batch = new EmbeddingRequest(model, texts, EncodingFormat.FLOAT, options);
    return delegate.embed(batch).thenApply(response -> rows(response, texts));
  }

  /** One row per text; the batch's prompt tokens are shared by text length, summing exactly. */
  private List<Row> rows(EmbeddingResponse response, List<String> texts) {
    if (response.vectors().size() != texts.size()) {
      throw new UpstreamUnavailableException(name(), "backend '" + name() + "' returned "
          + response.vectors().size() + " embeddings for " + texts.size() + " inputs", null);
    }
    long totalChars = 0;
    for (String text : texts) {
      totalChars += text.length();
    }
    long tokens = response.usage().promptTokens();
    List<Row> rows = new ArrayList<>(texts.size());
    long charsSoFar = 0;
    long tokensSoFar = 0;
    for (int i = 0; i < texts.size(); i++) {
      charsSoFar += texts.get(i).length();
      long upTo = totalChars == 0 ? tokens * (i + 1) / texts.size()
          : Math.round((double) tokens * charsSoFar / totalChars);
      rows.add(new Row(response.vectors().get(i), upTo - tokensSoFar, response.model()));
      tokensSoFar = upTo;
    }
    return rows;
  }

  private EmbeddingResponse response(List<Row> rows) {
    List<float[]> vectors = new ArrayList<>(rows.size());
    long tokens = 0;
    for (Row row : rows) {
      vectors.add(row.vector());
      tokens += row.tokens();
    }
    return new EmbeddingResponse(rows.getFirst().model(), vectors, new Usage(tokens, 0));
  }

  private String name() {
    return delegate.info().name();
  }

  /** One input's share of a batch's answer. */
  record Row(float[] vector, long tokens, String model) {}
}
