package dev.fulcrum.inference.local;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.InvalidRequestException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embeds on dedicated inference threads, so event loops never block on ONNX. Each request's
 * inputs run as one batch.
 */
final class LocalEmbeddingBackend implements EmbeddingBackend {
  private final LocalSettings settings;
  private final BackendInfo info;
  private final MiniLm model;
  private final ExecutorService executor;

  LocalEmbeddingBackend(LocalSettings settings, MiniLm model) {
    this.settings = settings;
    this.info = new BackendInfo(settings.name(), "local", settings.placement(), false, true);
    this.model = model;
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(settings.threads(), runnable -> {
      Thread thread = new Thread(runnable, "fulcrum-local-" + settings.name() + "-"
          + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    if (request.options().hasNonNull("dimensions")
        && request.options().get("dimensions").asInt() != MiniLm.DIMENSIONS) {
      throw new InvalidRequestException("backend '" + settings.name() + "' serves "
          + LocalBackends.EMBEDDING_MODEL + ", which has " + MiniLm.DIMENSIONS
          + " dimensions; omit 'dimensions' or set it to " + MiniLm.DIMENSIONS, "dimensions");
    }
    return CompletableFuture.supplyAsync(() -> {
      MiniLm.Result result = model.embed(request.inputs());
      return new EmbeddingResponse(LocalBackends.EMBEDDING_MODEL, result.vectors(),
          new Usage(result.tokens(), 0));
    }, executor);
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
