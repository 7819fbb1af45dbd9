package dev.fulcrum.core.backend;

/**
 * Something that runs models: an in-process model, a private pool, a cloud API.
 *
 * <p>A backend implements one or more capability interfaces ({@link ChatBackend},
 * {@link StreamingChatBackend}, {@link EmbeddingBackend}, {@link TensorBackend}); for each call
 * an interface declares an abstract {@code doX} method that the provider implements and a
 * final-in-spirit pipeline method that callers use. Implementations are thread-safe and
 * non-blocking: methods return promptly and complete their stage later.
 */
public interface Backend extends AutoCloseable {

  BackendInfo info();

  /** Releases connections and threads. Idempotent. */
  @Override
  default void close() {}
}
