package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Dropped;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each request's outcome: latency, outcome counts, tokens, cost, fallbacks, degraded
 * mode, personal data found and placements dropped for privacy. Runs on the event loop that
 * ended the request: a few lookups and atomic increments, never a block, never an exception (a
 * failure is logged once, then counted).
 */
final class RequestMetrics implements RequestObserver {
  private static final Logger log = LoggerFactory.getLogger(RequestMetrics.class);

  private final LabelSpace labels;
  private final FeatureLabels features;
  private final RequestMeters meters;
  private final Counter failures;
  private volatile boolean warned;

  RequestMetrics(LabelSpace labels, FeatureLabels features, RequestMeters meters,
      Counter failures) {
    this.labels = labels;
    this.features = features;
    this.meters = meters;
    this.failures = failures;
  }

  @Override
  public void observe(Outcome outcome) {
    try {
      switch (outcome) {
        case Outcome.Completed served -> served(served);
        case Outcome.Failed failed -> failed(failed);
      }
    } catch (RuntimeException e) {
      failures.increment();
      if (!warned) {
        warned = true;
        log.warn("metrics: recording a request failed; the request is unaffected, later "
            + "failures are only counted (fulcrum_metrics_failures_total)", e);
      }
    }
  }

  private void served(Outcome.Completed done) {
    int op = done.operation().ordinal();
    int model = labels.models.indexOf(done.model());
    int backend = labels.backends.indexOf(done.servedBy().backend().name());
    int tenant = labels.tenant(done.context().tenant().id());
    meters.latency.at(op, model, backend).observe(done.latency().toNanos() / 1e9);
    meters.requests.at(op, model, Outcomes.OK.ordinal(), tenant).increment();
    double cost = done.costUsd();
    usage(done, model, backend, tenant, cost);
    RequestMeters.Feature feature = meters.featureMeters.at(
        features.indexOf(done.context().hints().feature()), tenant);
    feature.requests().increment();
    if (cost > 0) {
      feature.cost().increment(cost);
    }
    Candidate chosen = done.decision().chosen();
    if (done.servedBy() != chosen && !done.servedBy().equals(chosen)) {
      meters.fallbacks.at(model, labels.backends.indexOf(chosen.backend().name()), backend)
          .increment();
    }
    if (done.decision().degraded()) {
      meters.degraded.at(labels.models.indexOf(done.alias())).increment();
    }
    privacy(done.decision().dropped(), model, RequestMeters.SERVED);
    entities(done.entities());
  }

  private void usage(Outcome.Completed done, int model, int backend, int tenant, double cost) {
    Usage usage = done.usage();
    RequestMeters.Tokens tokens = meters.tokens.at(model, backend, tenant);
    if (usage.promptTokens() > 0) {
      tokens.prompt().increment(usage.promptTokens());
    }
    if (usage.completionTokens() > 0) {
      tokens.completion().increment(usage.completionTokens());
    }
    RequestMeters.Route route = meters.routes.at(model, backend);
    route.cost().observe(cost);
    long nanos = done.latency().toNanos();
    if (usage.completionTokens() > 0 && nanos > 0) {
      route.tokensPerSecond().observe(usage.completionTokens() * 1e9 / nanos);
    }
  }

  private void failed(Outcome.Failed failed) {
    int model = labels.models.indexOf(failed.model());
    meters.requests.at(failed.operation().ordinal(), model,
        Outcomes.of(failed.error()).ordinal(),
        labels.tenant(failed.context().tenant().id())).increment();
    privacy(failed.dropped(), model, RequestMeters.REFUSED);
    entities(failed.entities());
  }

  private void privacy(List<Dropped> dropped, int model, int outcome) {
    boolean incident = false;
    for (int i = 0; i < dropped.size(); i++) {
      Dropped candidate = dropped.get(i);
      if (candidate.cause() == Dropped.Cause.FORBIDDEN
          || candidate.cause() == Dropped.Cause.UNSCANNED) {
        incident = true;
        meters.blocked.at(labels.backends.indexOf(candidate.backend())).increment();
      }
    }
    if (incident) {
      meters.incidents.at(model, outcome).increment();
    }
  }

  private void entities(Map<EntityType, Integer> found) {
    if (found.isEmpty()) {
      return;
    }
    for (Map.Entry<EntityType, Integer> entry : found.entrySet()) {
      meters.entities.at(entry.getKey().ordinal()).increment(entry.getValue());
    }
  }
}
