/**
 * Kill switches: turn off a model version, a whole model or a backend at once, persistently,
 * with who and why; turn it back on the same way. Entry point: {@link
 * dev.fulcrum.controlplane.killswitch.KillSwitch#create}.
 *
 * <p>A version switch also moves the version to {@code DISABLED} in the registry, in the same
 * transaction, and back to the state it left when re-enabled. The routing publisher ({@code
 * publish} package) turns the switches into the data plane's snapshot.
 */
package dev.fulcrum.controlplane.killswitch;
