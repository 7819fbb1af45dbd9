/** Admission control: rate limits, token quotas and budgets, checked before routing. */
package dev.fulcrum.dataplane.limits;
