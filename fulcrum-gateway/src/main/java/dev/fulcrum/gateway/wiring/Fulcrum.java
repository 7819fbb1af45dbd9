package dev.fulcrum.gateway.wiring;

import dev.fulcrum.controlplane.audit.ControlChange;
import dev.fulcrum.controlplane.drift.DriftAlert;
import dev.fulcrum.controlplane.drift.WebhookNotifier;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.classify.PromptClassifiers;
import dev.fulcrum.dataplane.health.RetryBudget;
import dev.fulcrum.dataplane.observe.Observers;
import dev.fulcrum.dataplane.observe.Recorder;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.guard.PrivacySettings;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.dataplane.shadow.ShadowMirror;
import dev.fulcrum.dataplane.shadow.ShadowSettings;
import dev.fulcrum.dataplane.split.PromptSplitter;
import dev.fulcrum.gateway.archive.ArchiveWriter;
import dev.fulcrum.gateway.config.BackendConfig;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.config.TenantConfig;
import dev.fulcrum.gateway.drift.DriftAdmin;
import dev.fulcrum.gateway.drift.DriftService;
import dev.fulcrum.gateway.http.Authenticator;
import dev.fulcrum.gateway.http.GatewayServer;
import dev.fulcrum.gateway.http.admin.AdminApi;
import dev.fulcrum.gateway.http.admin.AdminContext;
import dev.fulcrum.gateway.limits.Limits; // limits
import dev.fulcrum.gateway.metrics.GatewayMetrics;
import dev.fulcrum.inference.batching.Batching;
import dev.fulcrum.inference.batching.Scheduler;
import dev.fulcrum.inference.kserve.KServeBackends;
import dev.fulcrum.inference.local.LocalBackends;
import dev.fulcrum.inference.openai.OpenAiBackends;
import dev.fulcrum.inference.simulated.SimulatedBackends;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: event loops, backends, pipeline and HTTP server built from a config.
 * {@link #close()} drains and stops everything.
 */
public final class Fulcrum implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Fulcrum.class);
  /** Requests up to this many characters are scanned on the event loop, larger ones on scan threads. */
  private static final int SCAN_INLINE_CHARS = 4096;
  /** Scanned a few times at start: a fresh JVM's first scans outlast the default budget. */
  private static final String SCAN_WARM_UP = "Write to Jane Doe in Berlin at jane.doe@example.com "
      + "or +1 415 555 0100 about the ACME invoice.";

  private final Vertx vertx;
  private final Backends backends;
  private final ControlPlane controlPlane;
  private final GatewayServer server;
  private final String host;
  private final List<AutoCloseable> resources;

  private Fulcrum(Vertx vertx, Backends backends, ControlPlane controlPlane,
      GatewayServer server, String host, List<AutoCloseable> resources) {
    this.vertx = vertx;
    this.backends = backends;
    this.controlPlane = controlPlane;
    this.server = server;
    this.host = host;
    this.resources = resources;
  }

  /** Builds and starts a gateway; returns once it listens and is ready. */
  public static Fulcrum start(FulcrumConfig config) {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(config.server().eventLoops())
        .setPreferNativeTransport(true));
    Backends backends = null;
    ControlPlane controlPlane = null;
    Limits limits = null; // limits
    try {
      Clock clock = Clock.systemUTC();
      controlPlane = ControlPlane.start(config, clock);
      backends = Backends.of(createBackends(vertx, config.backends()), config.health(), clock);
      limits = Limits.start(config, controlPlane.database(), clock); // limits
      RolloutFeed rolloutFeed = new RolloutFeed(controlPlane.rollouts());
      LocalModel localModel = new LocalModel();
      GatewayMetrics metrics = GatewayMetrics.start(config, backends);
      metrics.watch(controlPlane.rollouts());
      List<RequestObserver> observers = new ArrayList<>(List.of(rolloutFeed, metrics));
      List<AutoCloseable> resources = new ArrayList<>(List.of(rolloutFeed, localModel, metrics));
      observers.add(limits.observer()); // limits: token reconciliation and the usage ledger
      resources.add(limits); // limits: closing writes the usage ledger's last counts
      DriftService drift = null;
      if (config.drift().enabled()) {
        drift = new DriftService(config.drift(), text -> localModel.embed(List.of(text))
            .thenApply(vectors -> vectors.get(0)), driftAlerts(config, controlPlane), clock);
        observers.add(drift);
        resources.add(drift);
      }
      controlPlane.archive().ifPresent(archive -> {
        ArchiveWriter archiving = ArchiveWriter.start(archive, metrics.registry(), clock);
        observers.add(archiving);
        resources.add(archiving); // closed before the store: writes what is queued
      });
      Router router = new Router();
      PrivacyGuard privacy = privacyGuard(config, clock);
      var pipelineBuilder = RequestPipeline.builder(router, backends, controlPlane);
      splitter(config).ifPresent(pipelineBuilder::splitter);
      RequestPipeline pipeline = pipelineBuilder
          .callerContext(Fulcrum::callerContext)
          .privacy(privacy)
          .clock(clock)
          .retryBudget(RetryBudget.standard())
          .admission(limits.admission()) // limits
          .answers(controlPlane.archive().isPresent())
          .observer(Observers.of(observers))
          .recorder(controlPlane.audit().<Recorder>map(audit ->
              new AuditRecorder(audit, metrics.auditTimer())).orElse(Recorder.NONE))
          .shadows(metrics.watch(new ShadowMirror(router, backends, localModel, rolloutFeed,
              ShadowSettings.DEFAULTS, clock)))
          .build();
      AdminApi admin = new AdminApi(new AdminContext(Set.copyOf(config.admin().apiKeyHashes()),
          controlPlane.registry(), controlPlane.rollouts(), controlPlane.switches(),
          controlPlane::snapshot, controlPlane.audit(), controlPlane.archive()));
      TokenService tokens = TokenService.builder(KeysetSource.file(config.tokens().keyset()))
          .clock(clock).build();
      List<Consumer<io.vertx.ext.web.Router>> mounts =
          new ArrayList<>(List.of(admin, metrics.endpoint()));
      if (drift != null && !config.admin().apiKeyHashes().isEmpty()) {
        mounts.add(new DriftAdmin(drift));
      }
      mounts.add(limits.adminRoutes(config.admin().apiKeyHashes())); // limits
      var deps = new GatewayServer.Dependencies(pipeline,
          new Authenticator(tenants(config.tenants()), tokens, config.tokens().audience()),
          config.tokens().defaultTtl(), controlPlane, backends, Instant.now().getEpochSecond(),
          mounts, Optional.of(privacy));
      GatewayServer server = GatewayServer.start(vertx, deps, config.server().host(),
              config.server().port(), config.server().maxBodyBytes(),
              config.server().eventLoops())
          .await(30, TimeUnit.SECONDS);
      return new Fulcrum(vertx, backends, controlPlane, server, config.server().host(),
          List.copyOf(resources));
    } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
      if (limits != null) { // limits
        limits.close();
      }
      if (backends != null) {
        backends.close();
      }
      if (controlPlane != null) {
        controlPlane.close();
      }
      vertx.close();
      throw e instanceof RuntimeException r ? r
          : new IllegalStateException("the HTTP server did not start within 30 s", e);
    }
  }

  public int port() {
    return server.port();
  }

  /** The OpenAI base URL clients use, e.g. {@code http://127.0.0.1:8080/v1}. */
  public URI baseUrl() {
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return URI.create("http://" + shown + ":" + port() + "/v1");
  }

  @Override
  public void close() {
    server.drain();
    try {
      vertx.close().await(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      log.warn("event loops did not stop within 15 s");
    } finally {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          log.warn("closing {} failed", resource.getClass().getSimpleName(), e);
        }
      }
      backends.close();
      controlPlane.close();
    }
  }

  /**
   * The privacy scan: the pattern recognizers and (unless switched off) the name-and-location
   * model, bounded by the configured budget, scanning large requests on their own threads (a full
   * queue fails the scan closed). Warmed up here, so the first requests are not refused (503)
   * for a scan that ran past its budget only because nothing was loaded or compiled yet.
   */
  private static PrivacyGuard privacyGuard(FulcrumConfig config, Clock clock) {
    PiiDetector detector = PiiDetectors.create(config.privacy(), clock);
    for (int i = 0; i < 3; i++) {
      detector.analyze(SCAN_WARM_UP);
    }
    var scanThreads = workers("fulcrum-privacy-scan");
    return new PrivacyGuard(detector, new PrivacySettings(config.privacy().policy(),
        config.privacy().scanBudget(), SCAN_INLINE_CHARS),
        HashKeys.load(config.privacy().hashSecret()), scanThreads, clock);
  }

  /**
   * Split models: the shipped prompt classifier (loaded now, so the first request does not pay
   * for it), run on worker threads.
   */
  private static Optional<PromptSplitter> splitter(FulcrumConfig config) {
    if (config.splits().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PromptSplitter(config.splits(), PromptClassifiers.loadDefault(),
        workers("fulcrum-split")));
  }

  /** Runs tasks on the calling Vert.x context (the request's event loop), if there is one. */
  private static java.util.concurrent.Executor callerContext() {
    io.vertx.core.Context context = Vertx.currentContext();
    return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
  }

  /**
   * Daemon worker threads, one per core, for blocking in-process models; a full queue refuses
   * work (its callers fail closed or escalate).
   */
  private static java.util.concurrent.ExecutorService workers(String name) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new java.util.concurrent.ThreadPoolExecutor(threads, threads, 30,
        java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1024),
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Drift alerts go to the audit log and, when configured, to a webhook. */
  private static Consumer<DriftAlert> driftAlerts(FulcrumConfig config, ControlPlane plane) {
    List<Consumer<DriftAlert>> sinks = new ArrayList<>();
    plane.audit().ifPresent(audit -> sinks.add(alert -> audit.append(new ControlChange(
        "drift-monitor", "drift.alert", alert.model(), "",
        alert.result().feature() + " " + alert.result().test() + " = "
            + alert.result().statistic() + " > " + alert.result().threshold(),
        "the current window moved away from the reference"))));
    if (!config.drift().webhook().isEmpty()) {
      sinks.add(WebhookNotifier.to(URI.create(config.drift().webhook())));
    }
    return alert -> sinks.forEach(sink -> sink.accept(alert));
  }

  /** The configured backends, each behind an adaptive batcher when it has a batching section. */
  private static List<Backend> createBackends(Vertx vertx, List<BackendConfig> configs) {
    List<Backend> created = new ArrayList<>(configs.size());
    for (BackendConfig config : configs) {
      Backend backend = switch (config) {
        case BackendConfig.OpenAi openAi -> OpenAiBackends.create(vertx, openAi.settings());
        case BackendConfig.Local local -> LocalBackends.create(local.settings());
        case BackendConfig.Simulated simulated ->
            SimulatedBackends.create(vertx, simulated.settings());
        case BackendConfig.KServe kserve -> KServeBackends.create(vertx, kserve.settings());
      };
      created.add(config.batching()
          .map(settings -> Batching.decorate(backend, settings, Scheduler.system()))
          .orElse(backend));
    }
    return created;
  }

  private static TenantDirectory tenants(List<TenantConfig> configs) {
    Map<String, Tenant> byHash = new HashMap<>();
    for (TenantConfig config : configs) {
      config.apiKeyHashes().forEach(hash -> byHash.put(hash, config.tenant()));
    }
    return TenantDirectory.of(byHash);
  }
}
