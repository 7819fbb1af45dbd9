package dev.fulcrum.controlplane.killswitch;

import dev.fulcrum.controlplane.registry.Change;
import java.time.Instant;

/** A switch that is off now: what, since when, who turned it off and why. */
public record ActiveSwitch(SwitchTarget target, Change change, Instant since) {}
