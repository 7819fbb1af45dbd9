package dev.fulcrum.gateway.wiring;

import dev.fulcrum.controlplane.audit.AuditEvent;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.audit.RequestRefused;
import dev.fulcrum.controlplane.audit.RequestServed;
import dev.fulcrum.controlplane.audit.Sha256;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.Recorder;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.Dropped;
import dev.fulcrum.gateway.http.ErrorMapper;
import dev.fulcrum.gateway.metrics.AuditTimer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Records every request in the audit log, on the request path: the pipeline releases an answer
 * only after its event is durable (group-committed), and refuses the request when it cannot be
 * written. An event carries the decision and its reasons, entity counts, content digests and
 * cost — never text.
 */
final class AuditRecorder implements Recorder {
  private static final int MAX_REASONS = 64;

  private final AuditLog log;
  private final AuditTimer timer;

  AuditRecorder(AuditLog log, AuditTimer timer) {
    this.log = log;
    this.timer = timer;
  }

  @Override
  public CompletionStage<Void> record(Outcome outcome) {
    return timer.time(() -> log.append(event(outcome))).thenApply(receipt -> null);
  }

  static AuditEvent event(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Completed done -> new RequestServed(done.context().tenant(),
          done.context().requestId(), done.decision().version(),
          done.servedBy().backend().placement(), done.servedBy().backend().name(),
          reasons(done.context(), done.decision().dropped(), "served by "
              + done.servedBy().backend().name()
              + (done.decision().degraded() ? " (degraded mode)" : "")),
          done.entities(), digest(done.requestDigest()), digest(done.responseDigest()),
          usd(done.costUsd()), 200);
      case Outcome.Failed failed -> new RequestRefused(failed.context().tenant(),
          failed.context().requestId(), failed.alias(),
          reasons(failed.context(), failed.dropped(),
              failed.error().getClass().getSimpleName()),
          failed.entities(), digest(failed.requestDigest()),
          ErrorMapper.status(failed.error()), ErrorMapper.type(failed.error()));
    };
  }

  /** The split choice (if any), then why candidates were dropped, then the end. */
  private static List<String> reasons(RequestContext context, List<Dropped> dropped,
      String last) {
    List<String> reasons = new ArrayList<>(Math.min(dropped.size() + 2, MAX_REASONS));
    context.split().ifPresent(choice -> reasons.add("split " + choice));
    for (Dropped d : dropped) {
      if (reasons.size() == MAX_REASONS - 1) {
        break;
      }
      reasons.add(d.toString());
    }
    reasons.add(last);
    return reasons;
  }

  /** The audit log keeps money to 12 decimal places (a millionth of a micro-dollar). */
  static BigDecimal usd(double cost) {
    return BigDecimal.valueOf(cost).setScale(12, RoundingMode.HALF_UP);
  }

  private static Sha256 digest(String hex) {
    return hex.isEmpty() ? Sha256.ZERO : new Sha256(hex);
  }
}
