package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A chat, streaming and embedding backend whose embeddings are batched; chat passes through. */
final class ChatWithBatchedEmbeddings implements ChatBackend, StreamingChatBackend,
    BatchingEmbeddingBackend {
  private final ChatBackend chat;
  private final StreamingChatBackend stream;
  private final EmbeddingBatcher embeddings;

  /** {@code chat} and {@code stream} are the same backend, seen through each interface. */
  ChatWithBatchedEmbeddings(ChatBackend chat, StreamingChatBackend stream,
      EmbeddingBatcher embeddings) {
    this.chat = chat;
    this.stream = stream;
    this.embeddings = embeddings;
  }

  @Override
  public BackendInfo info() {
    return chat.info();
  }

  @Override
  public CompletionStage<ChatResponse> doChat(ChatRequest request) {
    return chat.doChat(request);
  }

  @Override
  public CompletionStage<Flow.Publisher<ChatChunk>> doStream(ChatRequest request) {
    return stream.doStream(request);
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return embeddings.doEmbed(request);
  }

  @Override
  public CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request, Deadline deadline) {
    return embeddings.embed(request, deadline);
  }

  @Override
  public Map<String, BatcherStats> stats() {
    return embeddings.stats();
  }

  /** Closes the batchers and the wrapped backend. */
  @Override
  public void close() {
    embeddings.close();
  }
}
