/**
 * Publishes the data plane's routing snapshot: the effective {@link
 * dev.fulcrum.core.routing.RoutingTable} computed from the registry's {@code prod} aliases,
 * running rollouts and kill switches. Entry point: {@link
 * dev.fulcrum.controlplane.publish.RoutingPublisher#create}.
 *
 * <p>Projection rules (see {@link dev.fulcrum.controlplane.publish.RoutingSnapshot}):
 * <ol>
 *   <li>A model's stable version is what {@code prod} points at; if that version is disabled,
 *       the newest earlier {@code prod} version that is not (the last good one), and the model
 *       is marked degraded; if there is none, the model is unavailable.
 *   <li>A running rollout adds its candidate (unless disabled, or it is the stable version):
 *       with weight {@code canaryPercent × 100} basis points against {@code 10000 − that} for
 *       the stable version, and as a {@link dev.fulcrum.core.routing.Shadow} at {@code
 *       shadowRate}.
 *   <li>A switched-off model is left out of the table and listed as unavailable, so the gateway
 *       answers 503 with a reason (and a gateway that forgot to check still fails closed with
 *       404).
 *   <li>Switched-off backends become {@link dev.fulcrum.core.routing.RoutingTable#disabledBackends()}.
 * </ol>
 *
 * <p>The table is recomputed after every committed change in this process, and other replicas'
 * changes are noticed by polling the one-row control-plane revision.
 */
package dev.fulcrum.controlplane.publish;
