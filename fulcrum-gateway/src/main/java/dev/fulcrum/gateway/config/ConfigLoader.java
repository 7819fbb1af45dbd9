package dev.fulcrum.gateway.config;

import dev.fulcrum.controlplane.registry.VersionSpec;
import dev.fulcrum.controlplane.store.StoreUrl;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingPolicy;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.health.HealthSettings;
import dev.fulcrum.dataplane.privacy.sanitize.Action;
import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import dev.fulcrum.gateway.drift.DriftSettings;
import dev.fulcrum.inference.kserve.KServeSettings;
import dev.fulcrum.inference.local.LocalBackends;
import dev.fulcrum.inference.local.LocalSettings;
import dev.fulcrum.inference.openai.OpenAiSettings;
import dev.fulcrum.inference.simulated.SimulatedSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates {@code fulcrum.yaml}. Every rule and default of the config reference
 * ({@code docs/config.md}) is enforced here, and every failure is a {@link ConfigException}
 * naming the file, line, path, what was wrong and the fix.
 */
public final class ConfigLoader {
  private static final Set<String> KINDS = Set.of("openai", "local", "simulated", "kserve");

  private final EnvInterpolator env;

  private ConfigLoader(EnvInterpolator env) {
    this.env = env;
  }

  /** A loader resolving {@code ${NAME}} from {@code variables} (usually the environment). */
  public static ConfigLoader withVariables(Map<String, String> variables) {
    return new ConfigLoader(EnvInterpolator.of(Map.copyOf(variables)));
  }

  /** Loads a file. */
  public FulcrumConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config file (" + e.getMessage()
          + "); pass an existing file with --config");
    }
    return parse(file.toString(), text);
  }

  /** Parses config text; {@code name} is used in messages. */
  public FulcrumConfig parse(String name, String text) {
    ConfigNode root = ConfigNode.root(YamlSource.parse(name, text), env);
    root.allowOnly("server", "store", "admin", "audit", "tokens", "drift", "privacy",
        "metrics", "backends", "models", "tenants", "telemetry", "archive");
    ServerConfig server = server(root.object("server"));
    Map<String, HealthSettings> health = new LinkedHashMap<>();
    List<BackendConfig> backends = backends(root, health);
    RoutingTable routing = models(root, backends);
    List<TenantConfig> tenants = tenants(root);
    StoreConfig store = store(root.object("store"));
    Path stateDir = stateDir(store);
    AuditConfig audit = audit(root.object("audit"), stateDir);
    TokensConfig tokens = tokens(root.object("tokens"), stateDir);
    return new FulcrumConfig(name, server, backends, routing, tenants, health, store,
        admin(root.object("admin")), audit, tokens, drift(root.object("drift")),
        privacy(root.object("privacy"), stateDir), MetricsConfig.from(root.object("metrics")),
        LimitsSections.telemetry(root.object("telemetry"), tenants),
        SplitSection.read(root, routing),
        ArchiveSection.read(root.object("archive"), stateDir, audit, tokens));
  }

  private static ServerConfig server(ConfigNode node) {
    node.allowOnly("host", "port", "max-body-bytes", "event-loops");
    return new ServerConfig(
        node.string("host", ServerConfig.DEFAULT_HOST),
        node.integer("port", ServerConfig.DEFAULT_PORT, 0, 65_535),
        node.longValue("max-body-bytes", ServerConfig.DEFAULT_MAX_BODY_BYTES, 1024),
        node.integer("event-loops", Runtime.getRuntime().availableProcessors(), 1, 256));
  }

  private static StoreConfig store(ConfigNode node) {
    node.allowOnly("url", "poll", "redis");
    String url = node.string("url", StoreConfig.DEFAULT_URL);
    String redis = LimitsSections.redis(node);
    try {
      return new StoreConfig(StoreUrl.parse(url), node.duration("poll",
          url.startsWith("sqlite:") ? Duration.ZERO : Duration.ofMillis(500)), redis);
    } catch (IllegalArgumentException e) {
      throw node.field("url").error(e.getMessage());
    }
  }

  /**
   * Where keysets and secrets live by default: next to an SQLite store file, else (a shared
   * store) in the working directory.
   */
  private static Path stateDir(StoreConfig store) {
    String jdbc = store.url().jdbcUrl();
    if (jdbc.startsWith("jdbc:sqlite:") && !jdbc.endsWith(":memory:")) {
      Path parent = Path.of(jdbc.substring("jdbc:sqlite:".length())).getParent();
      return parent == null ? Path.of("") : parent;
    }
    return Path.of("");
  }

  /** A file path setting; {@code fallback} when absent. */
  static Path file(ConfigNode node, String field, Path fallback) {
    if (!node.has(field)) {
      return fallback;
    }
    String raw = node.string(field).strip();
    if (raw.isEmpty()) {
      throw node.field(field).error("must be a file path, e.g. /var/lib/fulcrum/" + fallback
          .getFileName());
    }
    return Path.of(raw);
  }

  private static AuditConfig audit(ConfigNode node, Path stateDir) {
    node.allowOnly("enabled", "keyset", "checkpoint-events", "checkpoint-interval");
    AuditConfig d = AuditConfig.defaults();
    return new AuditConfig(node.bool("enabled", true),
        file(node, "keyset", stateDir.resolve(d.keyset())),
        node.longValue("checkpoint-events", d.checkpointEvents(), 1),
        positive(node, "checkpoint-interval", d.checkpointInterval()));
  }

  private static PrivacyConfig privacy(ConfigNode node, Path stateDir) {
    node.allowOnly("default-action", "actions", "scan-budget", "min-score", "hash-secret",
        "names");
    PrivacyConfig d = PrivacyConfig.defaults();
    SanitizationPolicy policy = SanitizationPolicy.of(node.enumeration("default-action",
        Action.class, d.policy().defaultAction()));
    ConfigNode actions = node.object("actions");
    for (EntityType type : EntityType.values()) {
      if (actions.has(type.name())) {
        policy = policy.with(type, actions.enumeration(type.name(), Action.class, Action.ALLOW));
      }
    }
    actions.allowOnly(java.util.Arrays.stream(EntityType.values()).map(Enum::name)
        .toArray(String[]::new));
    return new PrivacyConfig(policy, positive(node, "scan-budget", d.scanBudget()),
        node.number("min-score", d.minScore(), 0, 1),
        file(node, "hash-secret", stateDir.resolve(d.hashSecret())),
        node.bool("names", d.names()));
  }

  private static DriftSettings drift(ConfigNode node) {
    node.allowOnly("enabled", "max-samples-per-second", "reference-size", "window", "check-every", "embedding-rate",
        "max-embeddings-per-minute", "webhook");
    DriftSettings d = DriftSettings.defaults();
    String webhook = node.string("webhook", "");
    if (!webhook.isEmpty() && !webhook.matches("https?://.+")) {
      throw node.field("webhook").error("must be an http(s) URL, got '" + webhook + "'");
    }
    return new DriftSettings(node.bool("enabled", true),
        node.integer("max-samples-per-second", d.maxSamplesPerSecond(), 1, 1_000_000),
        node.integer("reference-size", d.referenceSize(), 50, 1_000_000),
        positive(node, "window", d.window()), positive(node, "check-every", d.checkEvery()),
        node.number("embedding-rate", d.embeddingRate(), 0, 1),
        node.integer("max-embeddings-per-minute", d.maxEmbeddingsPerMinute(), 1, 60_000),
        webhook);
  }

  private static TokensConfig tokens(ConfigNode node, Path stateDir) {
    node.allowOnly("keyset", "audience", "default-ttl");
    TokensConfig d = TokensConfig.defaults();
    Duration ttl = positive(node, "default-ttl", d.defaultTtl());
    if (ttl.compareTo(TokensConfig.MAX_TTL) > 0) {
      throw node.field("default-ttl").error("must be at most 5m: tokens are short-lived");
    }
    return new TokensConfig(file(node, "keyset", stateDir.resolve(d.keyset())),
        node.string("audience", d.audience()), ttl);
  }

  private static AdminConfig admin(ConfigNode node) {
    node.allowOnly("api-keys");
    List<String> hashes = new ArrayList<>();
    for (ConfigNode key : node.list("api-keys")) {
      String value = key.text().strip();
      if (!ApiKeyHash.isHash(value)) {
        throw key.error("must be a key hash such as sha256:<64 hex digits>, not a plaintext "
            + "key; compute it with: bin/fulcrum key hash YOUR_KEY");
      }
      hashes.add(value);
    }
    return new AdminConfig(hashes);
  }

  private List<BackendConfig> backends(ConfigNode root, Map<String, HealthSettings> health) {
    List<BackendConfig> backends = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : root.list("backends")) {
      node.asObject("{ name: nebius, kind: openai, base-url: https://… }");
      String name = name(node);
      if (!names.add(name)) {
        throw node.field("name").error("'" + name + "' is used by an earlier backend; give each "
            + "backend its own name");
      }
      String kind = node.string("kind");
      if (!KINDS.contains(kind)) {
        throw node.field("kind").error("must be one of " + String.join(", ", KINDS.stream()
            .sorted().toList()) + ", got '" + kind + "'");
      }
      backends.add(switch (kind) {
        case "openai" -> openAi(node, name);
        case "local" -> local(node, name);
        case "kserve" -> kserve(node, name);
        default -> simulated(node, name);
      });
      health.put(name, circuitBreaker(node.object("circuit-breaker")));
    }
    if (backends.isEmpty()) {
      throw root.error("defines no backends; add a backends: list (see the config reference "
          + "in the README)");
    }
    return backends;
  }

  private static BackendConfig openAi(ConfigNode node, String name) {
    node.allowOnly("name", "kind", "placement", "base-url", "api-key", "connect-timeout",
        "read-timeout", "max-connections", "circuit-breaker", "batching");
    return new BackendConfig.OpenAi(new OpenAiSettings(name,
        node.enumeration("placement", Placement.class, Placement.CLOUD),
        httpUrl(node, "https://api.studio.nebius.ai/v1"), apiKey(node),
        positive(node, "connect-timeout", Duration.ofSeconds(5)),
        positive(node, "read-timeout", Duration.ofSeconds(60)),
        node.integer("max-connections", 64, 1, 10_000)), BatchingSection.read(node));
  }

  private static BackendConfig kserve(ConfigNode node, String name) {
    node.allowOnly("name", "kind", "placement", "base-url", "api-key", "connect-timeout",
        "read-timeout", "max-connections", "text-input", "embedding-output", "circuit-breaker",
        "batching");
    URI url = httpUrl(node, "http://triton:8000");
    KServeSettings settings;
    try {
      settings = new KServeSettings(name,
          node.enumeration("placement", Placement.class, Placement.PRIVATE), url, apiKey(node),
          positive(node, "connect-timeout", Duration.ofSeconds(5)),
          positive(node, "read-timeout", Duration.ofSeconds(60)),
          node.integer("max-connections", 64, 1, 10_000), optional(node, "text-input"),
          optional(node, "embedding-output"));
    } catch (IllegalArgumentException e) {
      throw node.field("base-url").error(e.getMessage());
    }
    return new BackendConfig.KServe(settings, BatchingSection.read(node));
  }

  /** The {@code base-url} of an HTTP backend: an absolute http(s) URL. */
  private static URI httpUrl(ConfigNode node, String example) {
    String rawUrl = node.string("base-url");
    URI url;
    try {
      url = new URI(rawUrl);
    } catch (URISyntaxException e) {
      throw node.field("base-url").error("is not a valid URL: '" + rawUrl + "'");
    }
    if (url.getHost() == null || !("http".equals(url.getScheme())
        || "https".equals(url.getScheme()))) {
      throw node.field("base-url").error("must be an http(s) URL such as " + example
          + ", got '" + rawUrl + "'");
    }
    return url;
  }

  private static Optional<String> apiKey(ConfigNode node) {
    return optional(node, "api-key");
  }

  /** A text setting that is absent when missing or blank. */
  private static Optional<String> optional(ConfigNode node, String field) {
    return Optional.of(node.string(field, "")).filter(value -> !value.isBlank());
  }

  private static BackendConfig local(ConfigNode node, String name) {
    node.allowOnly("name", "kind", "placement", "threads", "circuit-breaker", "batching");
    return new BackendConfig.Local(new LocalSettings(name,
        node.enumeration("placement", Placement.class, Placement.LOCAL),
        node.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256)),
        BatchingSection.read(node));
  }

  private static BackendConfig simulated(ConfigNode node, String name) {
    node.allowOnly("name", "kind", "placement", "latency", "tokens-per-second", "batch-cost",
        "error-rate", "seed", "dimensions", "circuit-breaker", "batching");
    ConfigNode latency = node.object("latency");
    latency.allowOnly("median", "p99");
    Duration median = latency.duration("median", Duration.ZERO);
    Duration p99 = latency.duration("p99", median);
    if (p99.compareTo(median) < 0) {
      throw latency.field("p99").error("must not be below latency.median (" + median.toMillis()
          + "ms)");
    }
    ConfigNode batch = node.object("batch-cost");
    batch.allowOnly("base", "per-item");
    return new BackendConfig.Simulated(new SimulatedSettings(name,
        node.enumeration("placement", Placement.class, Placement.CLOUD),
        new SimulatedSettings.Latency(median, p99),
        node.number("tokens-per-second", 0, 0, 1e6),
        new SimulatedSettings.BatchCost(batch.duration("base", Duration.ZERO),
            batch.duration("per-item", Duration.ZERO)),
        node.number("error-rate", 0, 0, 1),
        node.longValue("seed", 42, Long.MIN_VALUE),
        node.integer("dimensions", 384, 1, 65_536)), BatchingSection.read(node));
  }

  private static HealthSettings circuitBreaker(ConfigNode node) {
    node.allowOnly("failure-rate", "window", "minimum-calls", "open-for", "half-open-probes");
    HealthSettings d = HealthSettings.DEFAULTS;
    return new HealthSettings(
        (float) node.number("failure-rate", d.failureRateThreshold(), 1, 100),
        node.integer("window", d.windowSize(), 1, 10_000),
        node.integer("minimum-calls", d.minimumCalls(), 1, 10_000),
        positive(node, "open-for", d.openFor()),
        node.integer("half-open-probes", d.halfOpenProbes(), 1, 1_000),
        d.ewmaWeight());
  }

  /** A {@code models[]} entry's name, checked against the registry's rule for model names. */
  static String modelName(ConfigNode model) {
    String name = model.string("name");
    if (name.isBlank()) {
      throw model.field("name").error("must not be empty");
    }
    if (!VersionSpec.validModelName(name)) {
      throw model.field("name").error("'" + name + "' is not a valid model name; use "
          + VersionSpec.MODEL_NAME_RULE);
    }
    return name;
  }

  private static RoutingTable models(ConfigNode root, List<BackendConfig> backends) {
    Map<String, BackendConfig> byName = new LinkedHashMap<>();
    backends.forEach(b -> byName.put(b.name(), b));
    List<ModelRoutes> models = new ArrayList<>();
    Set<String> aliases = new java.util.LinkedHashSet<>();
    Map<ConfigNode, String> degradedTargets = new LinkedHashMap<>();
    for (ConfigNode node : root.list("models")) {
      node.asObject("{ name: chat-large, routes: [ { backend: nebius, model: … } ] }");
      if (SplitSection.isSplit(node)) {
        continue; // read by SplitSection once every model with routes is known
      }
      node.allowOnly("name", "version", "routes", "strategy", "degraded-to");
      String alias = modelName(node);
      if (!aliases.add(alias)) {
        throw node.field("name").error("'" + alias + "' is defined twice; merge the two "
            + "entries' routes");
      }
      List<Route> routes = new ArrayList<>();
      for (ConfigNode route : node.list("routes")) {
        routes.add(route(route.asObject("{ backend: nebius, model: … }"), alias, byName));
      }
      if (routes.isEmpty()) {
        throw node.error("has no routes; add routes: [ { backend: NAME, model: UPSTREAM_MODEL } ]");
      }
      RoutingPolicy policy = new RoutingPolicy(
          node.enumeration("strategy", RoutingPolicy.Strategy.class,
              RoutingPolicy.Strategy.ORDERED),
          node.string("degraded-to", ""));
      if (policy.degradedTo().equals(alias)) {
        throw node.field("degraded-to").error("names the model itself; name another model "
            + "(usually one served LOCAL or PRIVATE)");
      }
      String version = node.string("version", "1");
      if (!VersionSpec.validVersionId(version)) {
        throw node.field("version").error("'" + version + "' is not a valid version id; use "
            + VersionSpec.VERSION_ID_RULE);
      }
      models.add(ModelRoutes.single(alias, version, routes)
          .withPolicy(policy));
      degradedTargets.put(node, policy.degradedTo());
    }
    degradedTargets.forEach((node, target) -> {
      if (!target.isEmpty() && !aliases.contains(target)) {
        throw node.field("degraded-to").error("names '" + target + "', but no model has that "
            + "name; known models: " + String.join(", ", aliases));
      }
    });
    if (models.isEmpty()) {
      throw root.error("defines no models with routes; add a models: list mapping names callers use to "
          + "backends");
    }
    return RoutingTable.of(models);
  }

  private static Route route(ConfigNode node, String alias, Map<String, BackendConfig> backends) {
    node.allowOnly("backend", "model", "input-usd-per-mtok", "output-usd-per-mtok");
    String backend = node.string("backend");
    BackendConfig config = backends.get(backend);
    if (config == null) {
      throw node.field("backend").error("names '" + backend + "', but no backend has that "
          + "name; known backends: " + String.join(", ", backends.keySet()));
    }
    String fallbackModel = config instanceof BackendConfig.Local
        ? LocalBackends.EMBEDDING_MODEL : alias;
    String model = node.string("model", fallbackModel);
    if (config instanceof BackendConfig.Local && !model.equals(LocalBackends.EMBEDDING_MODEL)) {
      throw node.field("model").error("names '" + model + "', but local backends serve only "
          + LocalBackends.EMBEDDING_MODEL);
    }
    return new Route(backend, model, new Price(
        node.number("input-usd-per-mtok", 0, 0, 1e6),
        node.number("output-usd-per-mtok", 0, 0, 1e6)));
  }

  private static List<TenantConfig> tenants(ConfigNode root) {
    List<TenantConfig> tenants = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (ConfigNode node : root.list("tenants")) {
      node.asObject("{ id: acme, api-keys: [ \"sha256:…\" ] }");
      node.allowOnly("id", "api-keys", "privacy", "trust-zone", "limits");
      String id = node.string("id");
      Tenant tenant;
      try {
        tenant = new Tenant(id, node.enumeration("privacy", PrivacyLevel.class,
            PrivacyLevel.INTERNAL), trustZone(node));
      } catch (IllegalArgumentException e) {
        throw node.field("id").error(e.getMessage());
      }
      if (!ids.add(id)) {
        throw node.field("id").error("'" + id + "' is defined twice");
      }
      List<String> hashes = new ArrayList<>();
      for (ConfigNode key : node.list("api-keys")) {
        String value = key.text().strip();
        if (!ApiKeyHash.isHash(value)) {
          throw key.error("must be a key hash such as sha256:<64 hex digits>, not a plaintext "
              + "key; compute it with: bin/fulcrum key hash YOUR_KEY");
        }
        if (!keys.add(value)) {
          throw key.error("is the same key as an earlier entry; each key belongs to one tenant");
        }
        hashes.add(value);
      }
      if (hashes.isEmpty()) {
        throw node.error("has no api-keys; add at least one (bin/fulcrum key hash YOUR_KEY)");
      }
      tenants.add(new TenantConfig(tenant, hashes,
          LimitsSections.tenantLimits(node.object("limits"))));
    }
    if (tenants.isEmpty()) {
      throw root.error("defines no tenants, so no API key would be accepted; add a tenants: "
          + "list");
    }
    return tenants;
  }

  private static Set<Placement> trustZone(ConfigNode node) {
    if (!node.has("trust-zone")) {
      return Tenant.DEFAULT_TRUST_ZONE;
    }
    Set<Placement> zone = java.util.EnumSet.noneOf(Placement.class);
    for (ConfigNode item : node.list("trust-zone")) {
      String raw = item.text().strip();
      try {
        zone.add(Placement.valueOf(raw.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw item.error("must be LOCAL, PRIVATE or CLOUD, got '" + raw + "'");
      }
    }
    return zone;
  }

  private static String name(ConfigNode node) {
    String name = node.string("name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw node.field("name").error("must be letters, digits, '.', '_' or '-' (at most 63), "
          + "got '" + name + "'");
    }
    return name;
  }

  static Duration positive(ConfigNode node, String field, Duration fallback) {
    Duration value = node.duration(field, fallback);
    if (value.isZero() || value.isNegative()) {
      throw node.field(field).error("must be longer than zero");
    }
    return value;
  }
}
