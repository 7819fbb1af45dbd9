package dev.fulcrum.controlplane.killswitch;

import dev.fulcrum.controlplane.registry.Change;
import java.time.Instant;

/**
 * One flip of a switch: the event delivered to listeners and a row of {@link
 * KillSwitch#history()}.
 *
 * @param disabled true when the target was turned off, false when turned back on
 */
public record SwitchChange(SwitchTarget target, boolean disabled, Change change, Instant at) {}
