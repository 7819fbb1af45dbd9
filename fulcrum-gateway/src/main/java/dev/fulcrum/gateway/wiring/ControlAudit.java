package dev.fulcrum.gateway.wiring;

import dev.fulcrum.controlplane.archive.KeyChange;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.audit.ControlChange;
import dev.fulcrum.controlplane.killswitch.SwitchChange;
import dev.fulcrum.controlplane.registry.AliasAssigned;
import dev.fulcrum.controlplane.registry.AliasRemoved;
import dev.fulcrum.controlplane.registry.RegistryEvent;
import dev.fulcrum.controlplane.registry.VersionRegistered;
import dev.fulcrum.controlplane.registry.VersionTransition;
import dev.fulcrum.controlplane.rollout.RolloutEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every committed control-plane change (registry, rollouts, kill switches, tenant keys)
 * to the audit log. The change has already committed when it is heard, so a failed append
 * cannot undo it: it is logged as an error for operators to act on.
 */
final class ControlAudit {
  private static final Logger log = LoggerFactory.getLogger(ControlAudit.class);

  private final AuditLog audit;

  ControlAudit(AuditLog audit) {
    this.audit = audit;
  }

  void registry(RegistryEvent event) {
    append(switch (event) {
      case VersionRegistered registered -> change(registered.change(), "version.register",
          registered.version().id(), "", "REGISTERED");
      case VersionTransition transition -> change(transition.change(), "version.transition",
          transition.model() + "@" + transition.version(), transition.from().name(),
          transition.to().name());
      case AliasAssigned assigned -> change(assigned.change(), "alias.assign",
          assigned.model() + ":" + assigned.alias(), "", assigned.version());
      case AliasRemoved removed -> change(removed.change(), "alias.remove",
          removed.model() + ":" + removed.alias(), "", "");
    });
  }

  void rollout(RolloutEvent event) {
    String subject = "rollout " + event.rolloutId() + " of " + event.model();
    append(switch (event) {
      case RolloutEvent.Created created -> change(created.change(), "rollout.create", subject,
          "", "candidate " + created.candidate() + ", canary " + created.canaryPercent()
              + "%, shadow " + created.shadowRate());
      case RolloutEvent.Transition transition -> change(transition.change(),
          "rollout.transition", subject, transition.from().name(), transition.to().name());
      case RolloutEvent.SplitChanged split -> change(split.change(), "rollout.split", subject,
          "", "canary " + split.canaryPercent() + "%, shadow " + split.shadowRate());
      case RolloutEvent.Decision decision -> change(decision.change(), "rollout.decision",
          subject, "", decision.verdict() + (decision.applied() ? " (applied)" : ""));
    });
  }

  void killSwitch(SwitchChange change) {
    append(change(change.change(), change.disabled() ? "killswitch.off" : "killswitch.on",
        change.target().toString(), change.disabled() ? "enabled" : "disabled",
        change.disabled() ? "disabled" : "enabled"));
  }

  void tenantKeys(KeyChange event) {
    String subject = "tenant " + event.tenant().id();
    append(switch (event) {
      case KeyChange.Rotated rotated -> change(rotated.change(), "tenant.keys.rotate", subject,
          "", "key v" + rotated.version());
      case KeyChange.Shredded shredded -> change(shredded.change(), "tenant.shred", subject,
          shredded.destroyed() + " key version(s)", "0 key versions (crypto-shredded)");
    });
  }

  private static ControlChange change(dev.fulcrum.controlplane.registry.Change change,
      String action, String subject, String before, String after) {
    return new ControlChange(change.actor(), action, subject, clip(before), clip(after),
        clip(change.reason()));
  }

  private static String clip(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }

  private void append(ControlChange change) {
    audit.append(change).whenComplete((receipt, error) -> {
      if (error != null) {
        log.error("control change {} on {} could not be audited", change.action(),
            change.subject(), error);
      }
    });
  }
}
