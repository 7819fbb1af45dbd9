package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A chat backend that answers or fails as told, and remembers what it was asked. */
final class FakeBackend implements ChatBackend {
  private final BackendInfo info;
  private final FulcrumException failure;
  final List<ChatRequest> calls = new ArrayList<>();

  private FakeBackend(String name, Placement placement, FulcrumException failure) {
    this.info = new BackendInfo(name, "fake", placement, false, false);
    this.failure = failure;
  }

  static FakeBackend answering(String name, Placement placement) {
    return new FakeBackend(name, placement, null);
  }

  static FakeBackend answering(String name) {
    return new FakeBackend(name, Placement.CLOUD, null);
  }

  static FakeBackend failingWith(String name, FulcrumException failure) {
    return new FakeBackend(name, Placement.CLOUD, failure);
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  @Override
  public CompletionStage<ChatResponse> doChat(ChatRequest request) {
    calls.add(request);
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    var json = Json.object();
    json.putArray("choices").addObject().put("index", 0).putObject("message")
        .put("role", "assistant").put("content", "from " + info.name());
    return CompletableFuture.completedFuture(ChatResponse.fromJson(json, request.model()));
  }
}
