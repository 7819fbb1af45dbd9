package dev.fulcrum.gateway.limits;

import dev.fulcrum.controlplane.usage.UsageCounts;
import dev.fulcrum.controlplane.usage.UsageLedger;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.RequestObserver;

/** Adds every answered request to the usage ledger: tenant, feature, model, tokens, cost. */
final class UsageRecorder implements RequestObserver {
  private final UsageLedger ledger;

  UsageRecorder(UsageLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void observe(Outcome outcome) {
    if (outcome instanceof Outcome.Completed completed) {
      ledger.record(completed.context().tenant().id(), completed.context().hints().feature(),
          completed.model(), UsageCounts.ofRequest(completed.usage(), completed.costUsd()));
    }
  }
}
