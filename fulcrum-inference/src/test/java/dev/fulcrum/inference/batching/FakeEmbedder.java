package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An embedding upstream that records each call and answers when told: the vector of a text is
 * {@code [length, first character]}, and usage is {@code tokensPerCall}.
 */
final class FakeEmbedder implements EmbeddingBackend {
  private final List<EmbeddingRequest> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<CompletableFuture<EmbeddingResponse>> pending =
      Collections.synchronizedList(new ArrayList<>());
  private final BackendInfo info = new BackendInfo("fake", "fake", Placement.PRIVATE, false,
      true);
  long tokensPerCall = 100;
  boolean closed;

  @Override
  public BackendInfo info() {
    return info;
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    calls.add(request);
    var future = new CompletableFuture<EmbeddingResponse>();
    pending.add(future);
    return future;
  }

  @Override
  public void close() {
    closed = true;
  }

  List<EmbeddingRequest> calls() {
    return List.copyOf(calls);
  }

  void answer(int call) {
    EmbeddingRequest request = calls.get(call);
    List<float[]> vectors = request.inputs().stream()
        .map(text -> new float[] {text.length(), text.charAt(0)}).toList();
    pending.get(call).complete(new EmbeddingResponse("upstream-" + request.model(), vectors,
        new Usage(tokensPerCall, 0)));
  }

  void answer(int call, EmbeddingResponse response) {
    pending.get(call).complete(response);
  }

  void fail(int call, Throwable failure) {
    pending.get(call).completeExceptionally(failure);
  }
}
