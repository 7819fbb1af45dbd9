/**
 * Internals shared by the control-plane domain packages ({@code registry}, {@code rollout},
 * {@code killswitch}, {@code publish}, and {@code archive} for its listeners); not an API. It
 * holds the registry's JDBC store, so a rollout or a kill switch can change a version's state in
 * the same transaction as its own rows, the control-plane revision counter that serializes
 * writers and lets replicas notice changes, and small JDBC and listener helpers.
 */
package dev.fulcrum.controlplane.registry.internal;
