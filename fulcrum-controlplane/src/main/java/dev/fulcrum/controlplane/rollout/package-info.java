/**
 * Rollouts: moving a model's traffic from its {@code prod} version to a candidate through a
 * weighted canary split (sticky per tenant/user; the router hashes, we supply weights) and/or a
 * sampled shadow copy, with automatic promotion and rollback.
 *
 * <p>Entry point: {@link dev.fulcrum.controlplane.rollout.RolloutService#create}. The request
 * path feeds {@link dev.fulcrum.controlplane.rollout.RolloutService#observe} and {@link
 * dev.fulcrum.controlplane.rollout.RolloutService#observeShadow} into bucketed sliding windows
 * (O(1) snapshots); a {@link dev.fulcrum.controlplane.rollout.RolloutScheduler} calls {@link
 * dev.fulcrum.controlplane.rollout.RolloutService#evaluate} every few seconds, which runs the
 * pure {@link dev.fulcrum.controlplane.rollout.RolloutEvaluator} over each running rollout's
 * windows and acts on its {@link dev.fulcrum.controlplane.rollout.Verdict}. A rollout moves only
 * along {@link dev.fulcrum.controlplane.rollout.RolloutState#TRANSITIONS}.
 */
package dev.fulcrum.controlplane.rollout;
