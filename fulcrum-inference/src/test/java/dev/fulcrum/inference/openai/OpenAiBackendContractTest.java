package dev.fulcrum.inference.openai;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendContract;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.inference.testing.FakeUpstream;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class OpenAiBackendContractTest extends BackendContract {
  private static FakeUpstream upstream;
  private static Vertx vertx;
  private static Backend backend;

  @BeforeAll
  static void start() {
    upstream = FakeUpstream.start();
    vertx = Vertx.vertx();
    backend = OpenAiBackends.create(vertx, new OpenAiSettings("fake", Placement.CLOUD,
        URI.create(upstream.baseUrl()), Optional.of("sk-test"), Duration.ofSeconds(2),
        Duration.ofSeconds(5), 8));
  }

  @AfterAll
  static void stop() {
    backend.close();
    vertx.close();
    upstream.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }

  @Override
  protected ChatRequest failingChatRequest() {
    return ChatRequest.of("error-500", List.of(ChatMessage.of("user", "hi")));
  }
}
