package dev.fulcrum.gateway.drift;

import dev.fulcrum.controlplane.drift.DriftAlert;
import dev.fulcrum.controlplane.drift.Feature;
import dev.fulcrum.controlplane.drift.LlmFeatures;
import dev.fulcrum.controlplane.drift.Sample;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.RequestObserver;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every chat model for drift: request features (prompt length, language, entity mix,
 * prompt embedding for a sampled share) and response features (length, finish reason,
 * refusals), reference vs current window, with PSI, Kolmogorov–Smirnov and an embedding
 * distance test. Features are derived from answered requests, at most {@link
 * DriftSettings#maxSamplesPerSecond} a second per model (every request below that), and the
 * text is dropped at once: under load, recording every request cost the drift thread ~4 µs per
 * request for windows that need hundreds of samples, while a request beyond the cap costs one
 * clock read. All work happens on one drift thread, fed through a bounded queue (samples beyond
 * it are dropped and counted), so requests never wait for it. The thread drains the queue every
 * {@value #DRAIN_MILLIS} ms rather than being woken for each request: under load, handing every
 * sample over on its own cost more CPU (a thread wake-up per request) than the features.
 */
public final class DriftService implements RequestObserver, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DriftService.class);
  private static final int QUEUE = 10_000;
  private static final long DRAIN_MILLIS = 50;

  private final DriftSettings settings;
  private final Function<String, CompletionStage<float[]>> embedder;
  private final Consumer<DriftAlert> alerts;
  private final InstantSource clock;
  private final List<Feature> features;
  private final ScheduledExecutorService worker;
  private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Map<String, ModelDrift> models = new HashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final RateBudget embeddings;
  private final Map<String, RateBudget> samples = new ConcurrentHashMap<>();

  /**
   * @param embedder the local embedding model, used for a sampled share of prompts
   * @param alerts told of every feature that starts drifting
   */
  public DriftService(DriftSettings settings, Function<String, CompletionStage<float[]>> embedder,
      Consumer<DriftAlert> alerts, InstantSource clock) {
    this.settings = settings;
    this.embedder = embedder;
    this.alerts = alerts;
    this.clock = clock;
    this.embeddings = RateBudget.perMinute(settings.maxEmbeddingsPerMinute(), System::nanoTime);
    this.features = settings.embeddingRate() > 0 ? LlmFeatures.all()
        : LlmFeatures.withoutEmbedding();
    this.worker = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "fulcrum-drift"));
    worker.scheduleWithFixedDelay(this::drain, DRAIN_MILLIS, DRAIN_MILLIS,
        TimeUnit.MILLISECONDS);
    long every = settings.checkEvery().toMillis();
    worker.scheduleWithFixedDelay(() -> {
      drain();
      checkAll();
    }, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void observe(Outcome outcome) {
    if (outcome instanceof Outcome.Completed done && done.request() != null
        && samples.computeIfAbsent(done.model(), model -> RateBudget.perSecond(
            settings.maxSamplesPerSecond(), System::nanoTime)).tryTake()) {
      String prompt = userText(done);
      Map<String, Integer> entities = names(done.entities());
      boolean embed = settings.embeddingRate() > 0
          && sampled(done.context().requestId(), settings.embeddingRate())
          && embeddings.tryTake();
      LlmFeatures.Outcome kind = done.refused() ? LlmFeatures.Outcome.REFUSAL
          : LlmFeatures.Outcome.OK;
      if (queued.incrementAndGet() > QUEUE) {
        queued.decrementAndGet();
        dropped.incrementAndGet();
        return;
      }
      pending.add(() -> record(done.model(), prompt, entities, embed, done.responseChars(),
          done.finishReason(), kind));
    }
  }

  /** Every model's drift state: collecting its reference, or its latest report. */
  public List<DriftStatus> status() {
    try {
      return worker.submit(() -> {
        drain();
        return models.values().stream().map(ModelDrift::status).toList();
      }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the drift thread did not answer", e);
    }
  }

  /** Checks {@code model} now and returns its state. */
  public java.util.Optional<DriftStatus> checkNow(String model) {
    try {
      return worker.submit(() -> {
        drain();
        ModelDrift drift = models.get(model);
        if (drift == null) {
          return java.util.Optional.<DriftStatus>empty();
        }
        drift.check();
        return java.util.Optional.of(drift.status());
      }).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the drift thread did not answer", e);
    }
  }

  /** Samples dropped because the drift thread fell behind. */
  public long dropped() {
    return dropped.get();
  }

  /** Records the queued samples, on the drift thread. */
  private void drain() {
    for (Runnable job; (job = pending.poll()) != null; ) {
      queued.decrementAndGet();
      try {
        job.run();
      } catch (RuntimeException e) {
        log.warn("drift: a sample could not be recorded", e);
      }
    }
  }

  private void record(String model, String prompt, Map<String, Integer> entities, boolean embed,
      int responseChars, String finishReason, LlmFeatures.Outcome kind) {
    Sample sample;
    if (embed) {
      float[] vector;
      try {
        vector = embedder.apply(prompt).toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("drift: prompt embedding failed; recording without it", e);
        vector = null;
      }
      sample = vector == null
          ? LlmFeatures.sample(prompt, entities, responseChars, finishReason, kind)
          : LlmFeatures.sample(prompt, entities, vector, responseChars, finishReason, kind);
    } else {
      sample = LlmFeatures.sample(prompt, entities, responseChars, finishReason, kind);
    }
    models.computeIfAbsent(model, m -> new ModelDrift(m, settings, features, clock, this::alert))
        .record(sample);
  }

  private void checkAll() {
    for (ModelDrift drift : models.values()) {
      try {
        drift.check();
      } catch (RuntimeException e) {
        log.warn("drift check failed", e);
      }
    }
  }

  private void alert(DriftAlert alert) {
    log.warn("drift on model {}: {} {} = {} > threshold {}", alert.model(),
        alert.result().feature(), alert.result().test(), alert.result().statistic(),
        alert.result().threshold());
    try {
      alerts.accept(alert);
    } catch (RuntimeException e) {
      log.warn("a drift alert listener failed", e);
    }
  }

  private static String userText(Outcome.Completed done) {
    StringBuilder text = new StringBuilder();
    for (ChatMessage message : done.request().messages()) {
      if (message.role().equals("user")) {
        message.content().texts().forEach(t -> text.append(t).append('\n'));
      }
    }
    return text.toString();
  }

  private static Map<String, Integer> names(Map<EntityType, Integer> entities) {
    Map<String, Integer> names = new HashMap<>();
    entities.forEach((type, count) -> names.put(type.name(), count));
    return names;
  }

  private static boolean sampled(String requestId, double rate) {
    long hash = requestId.hashCode() * 0x9E3779B97F4A7C15L;
    return ((hash >>> 11) * 0x1.0p-53) < rate;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
